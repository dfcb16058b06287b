export { createScratchDatabase, testPostgresUrl, type ScratchDatabase } from "./postgres.js";
export { storeBackends, type StoreBackend } from "./backends.js";
