import type { Kysely } from "kysely";

/** Device identity certificates, so that every connection can be checked for revocation. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations are frozen in time (see 0001)
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("device_certificates")
    .addColumn("tenant_id", "text", (c) => c.notNull())
    .addColumn("serial_number", "text", (c) => c.notNull())
    .addColumn("device_id", "text", (c) => c.notNull())
    .addColumn("issued_at", "bigint", (c) => c.notNull())
    .addColumn("not_after", "bigint", (c) => c.notNull())
    .addColumn("revoked_at", "bigint")
    .addPrimaryKeyConstraint("device_certificates_pk", ["tenant_id", "serial_number"])
    .execute();
  await db.schema
    .createIndex("device_certificates_device")
    .on("device_certificates")
    .columns(["tenant_id", "device_id"])
    .execute();
}
