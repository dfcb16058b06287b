import type { Kysely } from "kysely";
import { openDatabase, type DatabaseOptions, type Dialect } from "@meridian/store";
import { relayMigrations } from "./migrations/index.js";
import type { RelayDatabase } from "./schema.js";

/** The relay's database: `relay.db` in its data directory, or a PostgreSQL that relay nodes share. */
export async function openRelayDatabase(
  options: DatabaseOptions,
): Promise<{ db: Kysely<RelayDatabase>; dialect: Dialect }> {
  return openDatabase<RelayDatabase>(options, {
    fileName: "relay.db",
    urlSetting: "MERIDIAN_RELAY_DATABASE_URL",
    migrations: relayMigrations,
    migrationTable: "meridian_relay_migrations",
  });
}
