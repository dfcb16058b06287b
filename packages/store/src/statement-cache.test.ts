import SQLite from "better-sqlite3";
import { Kysely, SqliteDialect, sql } from "kysely";
import { afterEach, describe, expect, it } from "vitest";
import { withStatementCache } from "./statement-cache.js";

describe("statement cache", () => {
  let database: SQLite.Database;
  let db: Kysely<{ item: { n: number } }>;

  function open(capacity?: number) {
    database = new SQLite(":memory:");
    db = new Kysely({ dialect: new SqliteDialect({ database: withStatementCache(database, capacity) }) });
  }
  afterEach(async () => db.destroy());

  it("compiles a query once and reuses it", async () => {
    open();
    await sql`create table item (n integer)`.execute(db);
    const prepared: string[] = [];
    const prepare = database.prepare.bind(database);
    database.prepare = ((text: string) => (prepared.push(text), prepare(text))) as typeof database.prepare;
    for (let n = 0; n < 5; n++) await db.insertInto("item").values({ n }).execute();
    expect(await db.selectFrom("item").select("n").orderBy("n").execute()).toHaveLength(5);
    expect(prepared.filter((text) => text.startsWith("insert"))).toHaveLength(1);
  });

  it("gives a fresh statement while the cached one is still being iterated", async () => {
    open();
    await sql`create table item (n integer)`.execute(db);
    for (let n = 0; n < 3; n++) await db.insertInto("item").values({ n }).execute();
    const cache = withStatementCache(database);
    const text = "select n from item order by n";
    const seen: number[] = [];
    for (const row of cache.prepare(text).iterate([]) as Iterable<{ n: number }>) {
      seen.push(row.n);
      expect(cache.prepare(text).all([])).toHaveLength(3);
    }
    expect(seen).toEqual([0, 1, 2]);
  });

  it("keeps at most its capacity", async () => {
    open(2);
    await sql`create table item (n integer)`.execute(db);
    for (let n = 0; n < 10; n++) await sql`select ${sql.lit(n)} as n`.execute(db);
    expect((await sql<{ n: number }>`select 42 as n`.execute(db)).rows).toEqual([{ n: 42 }]);
  });
});
