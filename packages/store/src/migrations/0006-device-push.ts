import type { Kysely } from "kysely";

/** Each device's push token: how the server wakes it. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations are frozen in time (see 0001)
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("device_push")
    .addColumn("tenant_id", "text", (c) => c.notNull())
    .addColumn("device_id", "text", (c) => c.notNull())
    .addColumn("service", "text", (c) => c.notNull())
    .addColumn("token", "text", (c) => c.notNull())
    .addColumn("push_magic", "text")
    .addColumn("updated_at", "bigint", (c) => c.notNull())
    .addColumn("invalid_at", "bigint")
    .addColumn("invalid_reason", "text")
    .addColumn("last_pushed_at", "bigint")
    .addPrimaryKeyConstraint("device_push_pk", ["tenant_id", "device_id"])
    .execute();
}
