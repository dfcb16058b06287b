import type { Kysely } from "kysely";

/** The last inventory each device reported, and its installed apps as rows (to find devices by app). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations are frozen in time (see 0001)
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("device_inventories")
    .addColumn("tenant_id", "text", (c) => c.notNull())
    .addColumn("device_id", "text", (c) => c.notNull())
    .addColumn("collected_at", "bigint", (c) => c.notNull())
    .addColumn("received_at", "bigint", (c) => c.notNull())
    .addColumn("hardware", "text", (c) => c.notNull())
    .addColumn("os", "text", (c) => c.notNull())
    .addColumn("security", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("device_inventories_pk", ["tenant_id", "device_id"])
    .execute();
  await db.schema
    .createTable("device_apps")
    .addColumn("tenant_id", "text", (c) => c.notNull())
    .addColumn("device_id", "text", (c) => c.notNull())
    .addColumn("package_name", "text", (c) => c.notNull())
    .addColumn("name", "text")
    .addColumn("version", "text")
    .addColumn("install_source", "text")
    .addColumn("managed", "integer", (c) => c.notNull())
    .addPrimaryKeyConstraint("device_apps_pk", ["tenant_id", "device_id", "package_name"])
    .execute();
  await db.schema
    .createIndex("device_apps_tenant_package")
    .on("device_apps")
    .columns(["tenant_id", "package_name"])
    .execute();
}
