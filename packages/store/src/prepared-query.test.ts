import { sql, type Kysely } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { KyselyStore } from "./kysely-store.js";
import { preparedQuery } from "./prepared-query.js";
import type { Database } from "./schema.js";
import { storeBackends } from "./testing/backends.js";

const TENANT = "00000000-0000-7000-8000-0000000000f1";

const tenantsNamed = preparedQuery("test.tenantsNamed", (db: Kysely<Database>, slug: string, name: string) =>
  db
    .selectFrom("tenants")
    .select(["id", "slug", "name"])
    .where("slug", "=", slug)
    .where((eb) => eb.or([eb("name", "=", name), eb("slug", "=", name)]))
    .limit(5),
);

describe.each(storeBackends)("prepared queries on $name", (backend) => {
  let env: Awaited<ReturnType<typeof backend.open>>;
  let store: KyselyStore;

  beforeAll(async () => {
    env = await backend.open();
    store = env.store;
    await store.tenants.insert({
      id: TENANT,
      slug: "prepared",
      name: "Prepared Ltd",
      operator: false,
      createdAt: 1,
    });
  });
  afterAll(async () => env?.dispose());

  it("runs with each call's own values, an argument used twice included, and maps rows as Kysely does", async () => {
    const context = { db: store.db, dialect: store.dialect };
    expect((await tenantsNamed.run(context, "prepared", "Prepared Ltd")).rows).toEqual([
      { id: TENANT, slug: "prepared", name: "Prepared Ltd" },
    ]);
    expect((await tenantsNamed.run(context, "prepared", "prepared")).rows).toHaveLength(1);
    expect((await tenantsNamed.run(context, "prepared", "Someone else")).rows).toEqual([]);
    expect((await tenantsNamed.run(context, "nobody", "Prepared Ltd")).rows).toEqual([]);
  });

  it("runs inside a transaction, which sees its own writes and rolls back with it", async () => {
    await expect(
      store.transaction(async (store) => {
        const tx = store as KyselyStore;
        await tx.db.updateTable("tenants").set({ name: "Renamed" }).where("id", "=", TENANT).execute();
        const inside = await tenantsNamed.run({ db: tx.db, dialect: tx.dialect }, "prepared", "Renamed");
        expect(inside.rows).toHaveLength(1);
        throw new Error("roll back");
      }),
    ).rejects.toThrow("roll back");
    const after = await tenantsNamed.run({ db: store.db, dialect: store.dialect }, "prepared", "Renamed");
    expect(after.rows).toEqual([]);
  });

  it("refuses, when first run, a query that builds a value from an argument or leaves one out", async () => {
    const context = { db: store.db, dialect: store.dialect };
    const built = preparedQuery("test.built", (db: Kysely<Database>, slug: string) =>
      db.selectFrom("tenants").select("id").where("slug", "like", `${slug}%`),
    );
    await expect(built.run(context, "pre")).rejects.toThrow(/used to build a value/);
    const unused = preparedQuery("test.unused", (db: Kysely<Database>, _slug: string) =>
      db.selectFrom("tenants").select(sql<number>`1`.as("one")),
    );
    await expect(unused.run(context, "pre")).rejects.toThrow(/1 of its 1 arguments never became parameters/);
  });
});
