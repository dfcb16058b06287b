export { relayConfigFromEnvironment, type RelayConfig } from "./config.js";
export { startRelay, type RunningRelay } from "./start-relay.js";
export { openRelayDatabase } from "./registry/relay-database.js";
export { loadRelayIdentity } from "./registry/relay-identity.js";
export {
  ServerRegistry,
  RegistryError,
  type RegisteredServer,
  type Registration,
} from "./registry/server-registry.js";
export { runPushChannelWorker } from "./push/channel/channel-worker.js";
export { WORKER_ENVIRONMENT as PUSH_CHANNEL_WORKER_ENVIRONMENT } from "./push/channel/worker-messages.js";
