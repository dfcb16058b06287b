import type { DeviceInventory, InventoryRepository } from "@meridian/core";
import { flag, isSet } from "../query-helpers.js";
import type { RepositoryContext } from "./context.js";

const INSERT_CHUNK = 400;

export function inventoryRepository({ db, tenantId }: RepositoryContext): InventoryRepository {
  return {
    async save(deviceId, inventory) {
      const row = {
        tenantId,
        deviceId,
        collectedAt: inventory.collectedAt,
        receivedAt: inventory.receivedAt,
        hardware: JSON.stringify(inventory.hardware),
        os: JSON.stringify(inventory.os),
        security: JSON.stringify(inventory.security),
      };
      await db
        .insertInto("deviceInventories")
        .values(row)
        .onConflict((oc) =>
          oc.columns(["tenantId", "deviceId"]).doUpdateSet({
            collectedAt: row.collectedAt,
            receivedAt: row.receivedAt,
            hardware: row.hardware,
            os: row.os,
            security: row.security,
          }),
        )
        .execute();
      await db
        .deleteFrom("deviceApps")
        .where("tenantId", "=", tenantId)
        .where("deviceId", "=", deviceId)
        .execute();
      for (let i = 0; i < inventory.apps.length; i += INSERT_CHUNK) {
        await db
          .insertInto("deviceApps")
          .values(
            inventory.apps.slice(i, i + INSERT_CHUNK).map((app) => ({
              tenantId,
              deviceId,
              packageName: app.packageName,
              name: app.name,
              version: app.version,
              installSource: app.installSource,
              managed: flag(app.managed),
            })),
          )
          .execute();
      }
    },
    async get(deviceId) {
      const row = await db
        .selectFrom("deviceInventories")
        .selectAll()
        .where("tenantId", "=", tenantId)
        .where("deviceId", "=", deviceId)
        .executeTakeFirst();
      if (!row) return undefined;
      const apps = await db
        .selectFrom("deviceApps")
        .select(["packageName", "name", "version", "installSource", "managed"])
        .where("tenantId", "=", tenantId)
        .where("deviceId", "=", deviceId)
        .orderBy("packageName")
        .execute();
      return {
        collectedAt: row.collectedAt,
        receivedAt: row.receivedAt,
        hardware: JSON.parse(row.hardware) as DeviceInventory["hardware"],
        os: JSON.parse(row.os) as DeviceInventory["os"],
        security: JSON.parse(row.security) as DeviceInventory["security"],
        apps: apps.map((a) => ({ ...a, managed: isSet(a.managed) })),
      };
    },
    async saveCompliance(deviceId, report) {
      const row = {
        tenantId,
        deviceId,
        reportedAt: report.reportedAt,
        configurationVersion: report.configurationVersion,
        compliant: flag(report.compliant),
        violations: JSON.stringify(report.violations),
      };
      await db
        .insertInto("deviceCompliance")
        .values(row)
        .onConflict((oc) =>
          oc.columns(["tenantId", "deviceId"]).doUpdateSet({
            reportedAt: row.reportedAt,
            configurationVersion: row.configurationVersion,
            compliant: row.compliant,
            violations: row.violations,
          }),
        )
        .execute();
    },
    async getCompliance(deviceId) {
      const row = await db
        .selectFrom("deviceCompliance")
        .selectAll()
        .where("tenantId", "=", tenantId)
        .where("deviceId", "=", deviceId)
        .executeTakeFirst();
      return (
        row && {
          reportedAt: row.reportedAt,
          configurationVersion: row.configurationVersion,
          compliant: isSet(row.compliant),
          violations: JSON.parse(row.violations) as Array<{ policy: string; reason: string }>,
        }
      );
    },
    async deleteForDevice(deviceId) {
      await db
        .deleteFrom("deviceCompliance")
        .where("tenantId", "=", tenantId)
        .where("deviceId", "=", deviceId)
        .execute();
      await db
        .deleteFrom("deviceApps")
        .where("tenantId", "=", tenantId)
        .where("deviceId", "=", deviceId)
        .execute();
      await db
        .deleteFrom("deviceInventories")
        .where("tenantId", "=", tenantId)
        .where("deviceId", "=", deviceId)
        .execute();
    },
  };
}
