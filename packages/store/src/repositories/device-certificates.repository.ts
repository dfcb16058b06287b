import type { Kysely } from "kysely";
import type { DeviceCertificateRepository } from "@meridian/core";
import { preparedQuery } from "../prepared-query.js";
import type { Database } from "../schema.js";
import type { RepositoryContext } from "./context.js";

/** A device's certificate by serial: every agent request starts with it (prepared, decision 18). */
const bySerial = preparedQuery(
  "deviceCertificates.get",
  (db: Kysely<Database>, tenantId: string, serialNumber: string) =>
    db
      .selectFrom("deviceCertificates")
      .select(["serialNumber", "deviceId", "issuedAt", "notAfter", "revokedAt"])
      .where("tenantId", "=", tenantId)
      .where("serialNumber", "=", serialNumber),
);

export function deviceCertificateRepository({
  db,
  tenantId,
  dialect,
}: RepositoryContext): DeviceCertificateRepository {
  /** The device's newest certificate still in force: its current identity. */
  const newestLive = (deviceId: string) =>
    db
      .selectFrom("deviceCertificates")
      .where("tenantId", "=", tenantId)
      .where("deviceId", "=", deviceId)
      .where("revokedAt", "is", null)
      .orderBy("issuedAt", "desc")
      .orderBy("notAfter", "desc")
      .orderBy("serialNumber", "desc")
      .limit(1);
  return {
    async insert(certificate) {
      await db
        .insertInto("deviceCertificates")
        .values({ ...certificate, tenantId })
        .execute();
    },
    async get(serialNumber) {
      return (await bySerial.run({ db, dialect }, tenantId, serialNumber)).rows[0];
    },
    async revokeForDevice(deviceId, at) {
      const result = await db
        .updateTable("deviceCertificates")
        .set({ revokedAt: at })
        .where("tenantId", "=", tenantId)
        .where("deviceId", "=", deviceId)
        .where("revokedAt", "is", null)
        .executeTakeFirst();
      return Number(result.numUpdatedRows);
    },
    async revokeAllButNewest(deviceId, at) {
      const result = await db
        .updateTable("deviceCertificates")
        .set({ revokedAt: at })
        .where("tenantId", "=", tenantId)
        .where("deviceId", "=", deviceId)
        .where("revokedAt", "is", null)
        .where("serialNumber", "not in", newestLive(deviceId).select("serialNumber"))
        .executeTakeFirst();
      return Number(result.numUpdatedRows);
    },
    async identityExpiry(deviceId) {
      const row = await newestLive(deviceId).select("notAfter").executeTakeFirst();
      return row ? Number(row.notAfter) : null;
    },
  };
}
