import type { DeviceCertificateRepository } from "@meridian/core";
import type { RepositoryContext } from "./context.js";

export function deviceCertificateRepository({
  db,
  tenantId,
}: RepositoryContext): DeviceCertificateRepository {
  return {
    async insert(certificate) {
      await db
        .insertInto("deviceCertificates")
        .values({ ...certificate, tenantId })
        .execute();
    },
    async get(serialNumber) {
      return db
        .selectFrom("deviceCertificates")
        .select(["serialNumber", "deviceId", "issuedAt", "notAfter", "revokedAt"])
        .where("tenantId", "=", tenantId)
        .where("serialNumber", "=", serialNumber)
        .executeTakeFirst();
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
      const newest = db
        .selectFrom("deviceCertificates")
        .select("serialNumber")
        .where("tenantId", "=", tenantId)
        .where("deviceId", "=", deviceId)
        .where("revokedAt", "is", null)
        .orderBy("issuedAt", "desc")
        .orderBy("notAfter", "desc")
        .orderBy("serialNumber", "desc")
        .limit(1);
      const result = await db
        .updateTable("deviceCertificates")
        .set({ revokedAt: at })
        .where("tenantId", "=", tenantId)
        .where("deviceId", "=", deviceId)
        .where("revokedAt", "is", null)
        .where("serialNumber", "not in", newest)
        .executeTakeFirst();
      return Number(result.numUpdatedRows);
    },
    async identityExpiry(deviceId) {
      const row = await db
        .selectFrom("deviceCertificates")
        .select("notAfter")
        .where("tenantId", "=", tenantId)
        .where("deviceId", "=", deviceId)
        .where("revokedAt", "is", null)
        .orderBy("issuedAt", "desc")
        .orderBy("notAfter", "desc")
        .limit(1)
        .executeTakeFirst();
      return row ? Number(row.notAfter) : null;
    },
  };
}
