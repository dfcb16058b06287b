import type { Database, Statement } from "better-sqlite3";
import type { SqliteDatabase } from "kysely";

/**
 * better-sqlite3 compiles a statement on every prepare(), and Kysely prepares every query afresh;
 * on a busy server the compiling cost as much as running the queries. Statements are reusable, so
 * this keeps the most recent ones by their SQL text. A statement still being iterated (a streamed
 * query) is busy and cannot run a second query, so then a fresh one is prepared instead.
 */
export function withStatementCache(database: Database, capacity = 500): SqliteDatabase {
  const statements = new Map<string, Statement>();
  return {
    close: () => {
      statements.clear();
      database.close();
    },
    prepare(sql: string) {
      const cached = statements.get(sql);
      if (cached) {
        if (cached.busy) return database.prepare(sql);
        // Re-inserting keeps the map in least-recently-used order for eviction.
        statements.delete(sql);
        statements.set(sql, cached);
        return cached;
      }
      const statement = database.prepare(sql);
      statements.set(sql, statement);
      if (statements.size > capacity) statements.delete(statements.keys().next().value!);
      return statement;
    },
  };
}
