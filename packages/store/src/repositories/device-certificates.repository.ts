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
  };
}
