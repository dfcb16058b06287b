import SQLite from "better-sqlite3";
import { CamelCasePlugin, Kysely, Migrator, PostgresDialect, SqliteDialect } from "kysely";
import { mkdirSync } from "node:fs";
import { dirname, join } from "node:path";
import pg from "pg";
import { KyselyStore } from "./kysely-store.js";
import { migrationProvider } from "./migrations/index.js";
import type { Database } from "./schema.js";

export interface StoreOptions {
  /** `postgres://...` for PostgreSQL; `sqlite:PATH` or empty for SQLite. */
  url?: string | undefined;
  /** Where the SQLite file lives when no URL names one. */
  dataDir: string;
  /** Connections in the PostgreSQL pool. */
  poolSize?: number | undefined;
}

// 64-bit integers (our millisecond timestamps) come back from PostgreSQL as numbers, not strings.
pg.types.setTypeParser(pg.types.builtins.INT8, (value) => Number.parseInt(value, 10));

export function sqlitePath(options: StoreOptions): string {
  const url = options.url ?? "";
  if (url.startsWith("sqlite:")) return url.slice("sqlite:".length).replace(/^\/\/(?=\/)/, "");
  return join(options.dataDir, "meridian.db");
}

/** Opens the database named by the options, applies every pending migration, and returns the store. */
export async function openStore(options: StoreOptions): Promise<KyselyStore> {
  const url = options.url ?? "";
  const isPostgres = /^postgres(ql)?:\/\//.test(url);
  let db: Kysely<Database>;
  if (isPostgres) {
    const pool = new pg.Pool({ connectionString: url, max: options.poolSize ?? 10 });
    db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }), plugins: [new CamelCasePlugin()] });
  } else if (url !== "" && !url.startsWith("sqlite:")) {
    throw new Error(
      `MERIDIAN_DATABASE_URL must start with postgres:// or sqlite:, not "${url.split(":")[0]}:".`,
    );
  } else {
    const file = sqlitePath(options);
    if (file !== ":memory:") mkdirSync(dirname(file), { recursive: true });
    const sqlite = new SQLite(file);
    sqlite.pragma("journal_mode = WAL");
    sqlite.pragma("synchronous = NORMAL");
    sqlite.pragma("busy_timeout = 5000");
    sqlite.pragma("foreign_keys = ON");
    // Statistics for the query planner: analyse what has none yet or has changed a lot (SQLite's own
    // advice for long-lived connections); cheap when nothing changed. The store repeats it in `maintain`.
    sqlite.pragma("optimize = 0x10002");
    db = new Kysely<Database>({
      dialect: new SqliteDialect({ database: sqlite }),
      plugins: [new CamelCasePlugin()],
    });
  }
  const dialect = isPostgres ? "postgres" : "sqlite";
  await migrate(db, dialect);
  return new KyselyStore(db, dialect);
}

async function migrate(db: Kysely<Database>, dialect: "sqlite" | "postgres"): Promise<void> {
  const migrator = new Migrator({
    db,
    provider: migrationProvider(dialect),
    migrationTableName: "meridian_migrations",
    migrationLockTableName: "meridian_migrations_lock",
  });
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((r) => r.status === "Error");
  if (error) {
    await db.destroy();
    throw new Error(
      `Database migration ${failed?.migrationName ?? ""} failed: ${error instanceof Error ? error.message : String(error)}`,
      { cause: error },
    );
  }
}
