import { openDatabase, sqlitePath as databasePath, type DatabaseOptions } from "./database.js";
import { KyselyStore } from "./kysely-store.js";
import { migrationProvider } from "./migrations/index.js";
import type { Database } from "./schema.js";

export type StoreOptions = DatabaseOptions;

const SERVER_DATABASE = {
  fileName: "meridian.db",
  urlSetting: "MERIDIAN_DATABASE_URL",
  migrations: migrationProvider,
  migrationTable: "meridian_migrations",
};

export function sqlitePath(options: StoreOptions): string {
  return databasePath(options, SERVER_DATABASE.fileName);
}

/** Opens the server's database named by the options, applies every pending migration, and returns the store. */
export async function openStore(options: StoreOptions): Promise<KyselyStore> {
  const { db, dialect } = await openDatabase<Database>(options, SERVER_DATABASE);
  return new KyselyStore(db, dialect);
}
