import type { Selectable } from "kysely";
import type { DevicePushRegistration, DevicePushRepository, PushChannel } from "@meridian/core";
import type { Database } from "../schema.js";
import type { RepositoryContext } from "./context.js";

const toRegistration = (row: Selectable<Database["devicePush"]>): DevicePushRegistration => ({
  deviceId: row.deviceId,
  service: row.service as PushChannel,
  token: row.token,
  pushMagic: row.pushMagic,
  updatedAt: Number(row.updatedAt),
  invalidAt: row.invalidAt === null ? null : Number(row.invalidAt),
  invalidReason: row.invalidReason,
  lastPushedAt: row.lastPushedAt === null ? null : Number(row.lastPushedAt),
});

/** Lists of ids are bound in chunks: both databases cap the parameters of one statement. */
const CHUNK = 500;

export function devicePushRepository({ db, tenantId }: RepositoryContext): DevicePushRepository {
  return {
    async save(registration) {
      const row = {
        tenantId,
        deviceId: registration.deviceId,
        service: registration.service,
        token: registration.token,
        pushMagic: registration.pushMagic,
        updatedAt: registration.updatedAt,
        invalidAt: null,
        invalidReason: null,
      };
      await db
        .insertInto("devicePush")
        .values(row)
        .onConflict((c) =>
          c.columns(["tenantId", "deviceId"]).doUpdateSet({
            service: row.service,
            token: row.token,
            pushMagic: row.pushMagic,
            updatedAt: row.updatedAt,
            invalidAt: null,
            invalidReason: null,
          }),
        )
        .execute();
    },
    async get(deviceId) {
      const row = await db
        .selectFrom("devicePush")
        .selectAll()
        .where("tenantId", "=", tenantId)
        .where("deviceId", "=", deviceId)
        .executeTakeFirst();
      return row && toRegistration(row);
    },
    async listUsable(deviceIds) {
      const found: DevicePushRegistration[] = [];
      for (let i = 0; i < deviceIds.length; i += CHUNK) {
        const rows = await db
          .selectFrom("devicePush")
          .selectAll()
          .where("tenantId", "=", tenantId)
          .where("deviceId", "in", deviceIds.slice(i, i + CHUNK))
          .where("invalidAt", "is", null)
          .execute();
        found.push(...rows.map(toRegistration));
      }
      return found;
    },
    async markInvalid(deviceId, token, reason, at) {
      await db
        .updateTable("devicePush")
        .set({ invalidAt: at, invalidReason: reason })
        .where("tenantId", "=", tenantId)
        .where("deviceId", "=", deviceId)
        .where("token", "=", token)
        .execute();
    },
    async markPushed(deviceIds, at) {
      for (let i = 0; i < deviceIds.length; i += CHUNK) {
        await db
          .updateTable("devicePush")
          .set({ lastPushedAt: at })
          .where("tenantId", "=", tenantId)
          .where("deviceId", "in", deviceIds.slice(i, i + CHUNK))
          .execute();
      }
    },
    async delete(deviceId) {
      await db
        .deleteFrom("devicePush")
        .where("tenantId", "=", tenantId)
        .where("deviceId", "=", deviceId)
        .execute();
    },
  };
}
