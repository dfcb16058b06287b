import type { Kysely, Selectable } from "kysely";
import type { ApiToken, ApiTokenRecord, CredentialLookup, CredentialRepository } from "@meridian/core";
import type { Database } from "../schema.js";
import { toAdministratorRecord } from "./administrators.repository.js";
import type { RepositoryContext } from "./context.js";

function toApiToken(row: Selectable<Database["apiTokens"]>): ApiToken {
  const { tokenHash: _omit, ...token } = row;
  return token;
}

export function credentialRepository({ db, tenantId }: RepositoryContext): CredentialRepository {
  return {
    async insertSession(session) {
      await db
        .insertInto("sessions")
        .values({ ...session, tenantId })
        .execute();
    },
    async deleteSession(id) {
      await db.deleteFrom("sessions").where("tenantId", "=", tenantId).where("id", "=", id).execute();
    },
    async deleteSessionsOfAdmin(adminId) {
      await db
        .deleteFrom("sessions")
        .where("tenantId", "=", tenantId)
        .where("adminId", "=", adminId)
        .execute();
    },
    async touchSession(id, at) {
      await db
        .updateTable("sessions")
        .set({ lastUsedAt: at })
        .where("tenantId", "=", tenantId)
        .where("id", "=", id)
        .execute();
    },
    async insertApiToken(token) {
      await db
        .insertInto("apiTokens")
        .values({ ...token, tenantId })
        .execute();
    },
    async listApiTokens(adminId) {
      let query = db.selectFrom("apiTokens").selectAll().where("tenantId", "=", tenantId);
      if (adminId) query = query.where("adminId", "=", adminId);
      return (await query.orderBy("createdAt", "desc").execute()).map(toApiToken);
    },
    async getApiToken(id) {
      const row = await db
        .selectFrom("apiTokens")
        .selectAll()
        .where("tenantId", "=", tenantId)
        .where("id", "=", id)
        .executeTakeFirst();
      return row && toApiToken(row);
    },
    async revokeApiToken(id, at) {
      const result = await db
        .updateTable("apiTokens")
        .set({ revokedAt: at })
        .where("tenantId", "=", tenantId)
        .where("id", "=", id)
        .where("revokedAt", "is", null)
        .executeTakeFirst();
      return result.numUpdatedRows > 0n;
    },
    async touchApiToken(id, at) {
      await db
        .updateTable("apiTokens")
        .set({ lastUsedAt: at })
        .where("tenantId", "=", tenantId)
        .where("id", "=", id)
        .execute();
    },
  };
}

/** The only cross-tenant reads: each result carries the tenant it belongs to. */
export function credentialLookup(db: Kysely<Database>): CredentialLookup {
  return {
    async administratorsByEmail(email) {
      return (await db.selectFrom("administrators").selectAll().where("email", "=", email).execute()).map(
        toAdministratorRecord,
      );
    },
    async sessionByTokenHash(tokenHash) {
      return db.selectFrom("sessions").selectAll().where("tokenHash", "=", tokenHash).executeTakeFirst();
    },
    async apiTokenByHash(tokenHash): Promise<ApiTokenRecord | undefined> {
      return db.selectFrom("apiTokens").selectAll().where("tokenHash", "=", tokenHash).executeTakeFirst();
    },
  };
}
