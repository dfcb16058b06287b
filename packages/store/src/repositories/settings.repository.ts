import type { SettingRepository } from "@meridian/core";
import type { RepositoryContext } from "./context.js";

export function settingRepository({ db, tenantId }: RepositoryContext): SettingRepository {
  return {
    async get(key) {
      const row = await db
        .selectFrom("settings")
        .select("value")
        .where("tenantId", "=", tenantId)
        .where("key", "=", key)
        .executeTakeFirst();
      return row?.value;
    },
    async insertIfAbsent(key, value, updatedAt) {
      const result = await db
        .insertInto("settings")
        .values({ tenantId, key, value, updatedAt })
        .onConflict((oc) => oc.columns(["tenantId", "key"]).doNothing())
        .executeTakeFirst();
      return Number(result.numInsertedOrUpdatedRows ?? 0n) > 0;
    },
    async set(key, value, updatedAt) {
      await db
        .insertInto("settings")
        .values({ tenantId, key, value, updatedAt })
        .onConflict((oc) => oc.columns(["tenantId", "key"]).doUpdateSet({ value, updatedAt }))
        .execute();
    },
  };
}
