import { meridianProject } from "../../vitest.shared.js";

export default meridianProject("cli", { testTimeout: 60_000 });
