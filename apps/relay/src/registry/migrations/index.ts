import type { Migration, MigrationProvider } from "kysely";
import * as registry from "./0001-registry.js";

const MIGRATIONS: Record<string, Migration> = {
  "0001-registry": registry,
};

export function relayMigrations(): MigrationProvider {
  return { getMigrations: async () => MIGRATIONS };
}
