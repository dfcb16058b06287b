import type { Kysely } from "kysely";

/** The durable per-device command queue. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations are frozen in time (see 0001)
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("commands")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("tenant_id", "text", (c) => c.notNull())
    .addColumn("device_id", "text", (c) => c.notNull())
    .addColumn("type", "text", (c) => c.notNull())
    .addColumn("payload", "text", (c) => c.notNull())
    .addColumn("state", "text", (c) => c.notNull())
    .addColumn("priority", "integer", (c) => c.notNull())
    .addColumn("batch_id", "text")
    .addColumn("created_by", "text", (c) => c.notNull())
    .addColumn("created_at", "bigint", (c) => c.notNull())
    .addColumn("expires_at", "bigint", (c) => c.notNull())
    .addColumn("delivered_at", "bigint")
    .addColumn("retry_at", "bigint")
    .addColumn("completed_at", "bigint")
    .addColumn("attempts", "integer", (c) => c.notNull())
    .addColumn("result", "text")
    .addColumn("error", "text")
    .execute();
  // A device's history, newest first, and the search for its next command.
  await db.schema
    .createIndex("commands_tenant_device")
    .on("commands")
    .columns(["tenant_id", "device_id", "id"])
    .execute();
  // Open commands by expiry, for the expiry sweep.
  await db.schema
    .createIndex("commands_tenant_state_expiry")
    .on("commands")
    .columns(["tenant_id", "state", "expires_at"])
    .execute();
  await db.schema
    .createIndex("commands_tenant_batch")
    .on("commands")
    .columns(["tenant_id", "batch_id"])
    .execute();
}
