export { KyselyStore } from "./kysely-store.js";
export { openStore, sqlitePath, type StoreOptions } from "./open-store.js";
export { openDatabase, type DatabaseOptions, type DatabaseSpec } from "./database.js";
export type { Dialect } from "./query-helpers.js";
