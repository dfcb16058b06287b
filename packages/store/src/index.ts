export { KyselyStore } from "./kysely-store.js";
export { openStore, sqlitePath, type StoreOptions } from "./open-store.js";
