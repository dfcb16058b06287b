import type { Kysely } from "kysely";

/**
 * Identities by when they end: the renewal sweep and the dashboard's count of identities about to
 * end read the few certificates ending before a date, instead of every enrollment (at 100,000 Apple
 * devices the sweep took 110–235 ms on SQLite, each dashboard view would have too).
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations are frozen in time (see 0001)
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createIndex("device_certificates_tenant_not_after")
    .on("device_certificates")
    .columns(["tenant_id", "not_after"])
    .execute();
}
