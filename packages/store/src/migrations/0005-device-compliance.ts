import type { Kysely } from "kysely";

/** The last compliance report of each device. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations are frozen in time (see 0001)
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("device_compliance")
    .addColumn("tenant_id", "text", (c) => c.notNull())
    .addColumn("device_id", "text", (c) => c.notNull())
    .addColumn("reported_at", "bigint", (c) => c.notNull())
    .addColumn("configuration_version", "integer", (c) => c.notNull())
    .addColumn("compliant", "integer", (c) => c.notNull())
    .addColumn("violations", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("device_compliance_pk", ["tenant_id", "device_id"])
    .execute();
}
