import type { Kysely } from "kysely";

/** Apple MDM enrollments (with their one-time SCEP challenge) and uploaded configuration profiles. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations are frozen in time (see 0001)
export async function up(db: Kysely<any>, dialect: "sqlite" | "postgres"): Promise<void> {
  await db.schema
    .createTable("apple_enrollments")
    .addColumn("tenant_id", "text", (c) => c.notNull())
    .addColumn("device_id", "text", (c) => c.notNull())
    .addColumn("udid", "text")
    .addColumn("topic", "text")
    .addColumn("enabled", "integer", (c) => c.notNull())
    .addColumn("awaiting_configuration", "integer", (c) => c.notNull())
    .addColumn("unlock_token", "text")
    .addColumn("bootstrap_token", "text")
    .addColumn("token_updates", "integer", (c) => c.notNull())
    .addColumn("challenge_hash", "text")
    .addColumn("challenge_expires_at", "bigint")
    .addColumn("created_at", "bigint", (c) => c.notNull())
    .addColumn("authenticated_at", "bigint")
    .addColumn("enabled_at", "bigint")
    .addColumn("checked_out_at", "bigint")
    .addPrimaryKeyConstraint("apple_enrollments_pk", ["tenant_id", "device_id"])
    .execute();
  // A UDID is bound to one enrollment at a time; a phone enrolled again retires its old one first.
  await db.schema
    .createIndex("apple_enrollments_udid")
    .on("apple_enrollments")
    .columns(["tenant_id", "udid"])
    .unique()
    .execute();
  await db.schema
    .createIndex("apple_enrollments_challenge")
    .on("apple_enrollments")
    .columns(["tenant_id", "challenge_hash"])
    .execute();

  await db.schema
    .createTable("profiles")
    .addColumn("tenant_id", "text", (c) => c.notNull())
    .addColumn("id", "text", (c) => c.notNull())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("identifier", "text", (c) => c.notNull())
    .addColumn("description", "text")
    .addColumn("sha256", "text", (c) => c.notNull())
    .addColumn("size_bytes", "integer", (c) => c.notNull())
    .addColumn("payload", dialect === "sqlite" ? "blob" : "bytea", (c) => c.notNull())
    .addColumn("created_by", "text", (c) => c.notNull())
    .addColumn("created_at", "bigint", (c) => c.notNull())
    .addPrimaryKeyConstraint("profiles_pk", ["tenant_id", "id"])
    .execute();
  await db.schema
    .createIndex("profiles_identifier")
    .on("profiles")
    .columns(["tenant_id", "identifier"])
    .unique()
    .execute();
}
