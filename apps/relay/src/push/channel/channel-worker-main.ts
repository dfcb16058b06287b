import { runPushChannelWorker } from "./channel-worker.js";

// The entry a worker is forked with when the relay runs from its TypeScript sources (tests, tsx).
runPushChannelWorker();
