import SQLite from "better-sqlite3";
import {
  CamelCasePlugin,
  Kysely,
  Migrator,
  PostgresDialect,
  SqliteDialect,
  type MigrationProvider,
} from "kysely";
import { mkdirSync } from "node:fs";
import { dirname, join } from "node:path";
import pg from "pg";
import type { Dialect } from "./query-helpers.js";
import { withStatementCache } from "./statement-cache.js";

export interface DatabaseOptions {
  /** `postgres://...` for PostgreSQL; `sqlite:PATH` or empty for SQLite. */
  url?: string | undefined;
  /** Where the SQLite file lives when no URL names one. */
  dataDir: string;
  /** Connections in the PostgreSQL pool. */
  poolSize?: number | undefined;
}

export interface DatabaseSpec {
  /** The SQLite file's name inside the data directory. */
  fileName: string;
  /** The setting that names the database, for error messages. */
  urlSetting: string;
  migrations: (dialect: Dialect) => MigrationProvider;
  /** Each schema keeps its own migration history, so that several can share one PostgreSQL database. */
  migrationTable: string;
}

// 64-bit integers (our millisecond timestamps) come back from PostgreSQL as numbers, not strings.
pg.types.setTypeParser(pg.types.builtins.INT8, (value) => Number.parseInt(value, 10));

export function sqlitePath(options: DatabaseOptions, fileName: string): string {
  const url = options.url ?? "";
  if (url.startsWith("sqlite:")) return url.slice("sqlite:".length).replace(/^\/\/(?=\/)/, "");
  return join(options.dataDir, fileName);
}

/**
 * Opens a SQLite file or a PostgreSQL pool as a Kysely instance (camelCase in code, snake_case in
 * the database) and applies every pending migration of the given schema.
 */
export async function openDatabase<DB>(
  options: DatabaseOptions,
  spec: DatabaseSpec,
): Promise<{ db: Kysely<DB>; dialect: Dialect }> {
  const url = options.url ?? "";
  const dialect: Dialect = /^postgres(ql)?:\/\//.test(url) ? "postgres" : "sqlite";
  let db: Kysely<DB>;
  if (dialect === "postgres") {
    const pool = new pg.Pool({ connectionString: url, max: options.poolSize ?? 10 });
    db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }), plugins: [new CamelCasePlugin()] });
  } else if (url !== "" && !url.startsWith("sqlite:")) {
    throw new Error(
      `${spec.urlSetting} must start with postgres:// or sqlite:, not "${url.split(":")[0]}:".`,
    );
  } else {
    const file = sqlitePath(options, spec.fileName);
    if (file !== ":memory:") mkdirSync(dirname(file), { recursive: true });
    const sqlite = new SQLite(file);
    sqlite.pragma("journal_mode = WAL");
    sqlite.pragma("synchronous = NORMAL");
    sqlite.pragma("busy_timeout = 5000");
    sqlite.pragma("foreign_keys = ON");
    // Statistics for the query planner: analyse what has none yet or has changed a lot (SQLite's own
    // advice for long-lived connections); cheap when nothing changed.
    sqlite.pragma("optimize = 0x10002");
    db = new Kysely<DB>({
      dialect: new SqliteDialect({ database: withStatementCache(sqlite) }),
      plugins: [new CamelCasePlugin()],
    });
  }
  const migrator = new Migrator({
    db,
    provider: spec.migrations(dialect),
    migrationTableName: spec.migrationTable,
    migrationLockTableName: `${spec.migrationTable}_lock`,
  });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    await db.destroy();
    const failed = results?.find((r) => r.status === "Error");
    throw new Error(
      `Database migration ${failed?.migrationName ?? ""} failed: ${error instanceof Error ? error.message : String(error)}`,
      { cause: error },
    );
  }
  return { db, dialect };
}
