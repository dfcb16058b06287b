import { sql, type Selectable } from "kysely";
import type { Activation, ActivationRecord, ActivationRepository, Platform } from "@meridian/core";
import type { Database } from "../schema.js";
import type { RepositoryContext } from "./context.js";

const toRecord = (row: Selectable<Database["activations"]>): ActivationRecord => ({
  ...row,
  platforms: JSON.parse(row.platforms) as Platform[],
});

function toActivation(row: Selectable<Database["activations"]>): Activation {
  const { verifier: _omit, ...activation } = toRecord(row);
  return activation;
}

export function activationRepository({ db, tenantId }: RepositoryContext): ActivationRepository {
  /** Activations that can still be used: not revoked, locked, expired or used up. */
  const usable = (now: number) =>
    db
      .selectFrom("activations")
      .where("activations.tenantId", "=", tenantId)
      .where("activations.expiresAt", ">", now)
      .where("activations.lockedAt", "is", null)
      .where("activations.revokedAt", "is", null)
      .where((eb) =>
        eb.or([
          eb("activations.maxUses", "is", null),
          eb("activations.useCount", "<", eb.ref("activations.maxUses")),
        ]),
      );
  const table = () => db.selectFrom("activations").selectAll().where("tenantId", "=", tenantId);
  return {
    async insert(activation) {
      await db
        .insertInto("activations")
        .values({ ...activation, tenantId, platforms: JSON.stringify(activation.platforms) })
        .execute();
    },
    async get(id) {
      const row = await table().where("id", "=", id).executeTakeFirst();
      return row && toActivation(row);
    },
    async getRecord(id) {
      const row = await table().where("id", "=", id).executeTakeFirst();
      return row && toRecord(row);
    },
    async listForUser(userId) {
      return (
        await table()
          .where("userId", "=", userId)
          .orderBy("createdAt", "desc")
          .orderBy("id", "desc")
          .execute()
      ).map(toActivation);
    },
    async listUsableForUser(userId, now) {
      const rows = await table()
        .where("userId", "=", userId)
        .where("expiresAt", ">", now)
        .where("lockedAt", "is", null)
        .where("revokedAt", "is", null)
        .where((eb) => eb.or([eb("maxUses", "is", null), eb("useCount", "<", eb.ref("maxUses"))]))
        .orderBy("createdAt", "desc")
        .execute();
      return rows.map(toRecord);
    },
    async recordFailure(id, lockAt, now) {
      const row = await db
        .updateTable("activations")
        .set((eb) => ({
          failedAttempts: eb("failedAttempts", "+", 1),
          lockedAt: sql<
            number | null
          >`case when ${sql.ref("failed_attempts")} + 1 >= ${lockAt} then coalesce(${sql.ref("locked_at")}, ${now}) else ${sql.ref("locked_at")} end`,
        }))
        .where("tenantId", "=", tenantId)
        .where("id", "=", id)
        .returning("failedAttempts")
        .executeTakeFirst();
      return row?.failedAttempts ?? 0;
    },
    async revokeUsableForUser(userId, now) {
      const result = await db
        .updateTable("activations")
        .set({ revokedAt: now })
        .where("tenantId", "=", tenantId)
        .where("userId", "=", userId)
        .where("revokedAt", "is", null)
        .where("lockedAt", "is", null)
        .where("expiresAt", ">", now)
        .where((eb) => eb.or([eb("maxUses", "is", null), eb("useCount", "<", eb.ref("maxUses"))]))
        .executeTakeFirst();
      return Number(result.numUpdatedRows);
    },
    async consumeUse(id) {
      const result = await db
        .updateTable("activations")
        .set((eb) => ({ useCount: eb("useCount", "+", 1) }))
        .where("tenantId", "=", tenantId)
        .where("id", "=", id)
        .where((eb) => eb.or([eb("maxUses", "is", null), eb("useCount", "<", eb.ref("maxUses"))]))
        .executeTakeFirst();
      return result.numUpdatedRows > 0n;
    },
    async revoke(id, now) {
      const result = await db
        .updateTable("activations")
        .set({ revokedAt: now })
        .where("tenantId", "=", tenantId)
        .where("id", "=", id)
        .where("revokedAt", "is", null)
        .executeTakeFirst();
      return result.numUpdatedRows > 0n;
    },
    async currentForAddress(email, now) {
      return usable(now)
        .innerJoin("users", (j) =>
          j.onRef("users.id", "=", "activations.userId").on("users.tenantId", "=", tenantId),
        )
        .select("activations.expiresAt")
        .where("users.email", "=", email)
        .orderBy("activations.createdAt", "desc")
        .executeTakeFirst();
    },
    async listCurrent(now) {
      return usable(now)
        .innerJoin("users", (j) =>
          j.onRef("users.id", "=", "activations.userId").on("users.tenantId", "=", tenantId),
        )
        .select(["users.email", "activations.expiresAt"])
        .execute();
    },
    async deleteForUser(userId) {
      await db
        .deleteFrom("activations")
        .where("tenantId", "=", tenantId)
        .where("userId", "=", userId)
        .execute();
    },
  };
}
