import type { Selectable } from "kysely";
import type { Profile, ProfileRepository } from "@meridian/core";
import { keysetAfter, pageOf } from "../query-helpers.js";
import type { Database } from "../schema.js";
import type { RepositoryContext } from "./context.js";

type Row = Omit<Selectable<Database["profiles"]>, "payload">;

const COLUMNS = [
  "tenantId",
  "id",
  "name",
  "identifier",
  "description",
  "sha256",
  "sizeBytes",
  "createdBy",
  "createdAt",
] as const;

const toProfile = (row: Row): Profile => ({
  ...row,
  sizeBytes: Number(row.sizeBytes),
  createdAt: Number(row.createdAt),
});

export function profileRepository({ db, tenantId }: RepositoryContext): ProfileRepository {
  const table = () => db.selectFrom("profiles").select(COLUMNS).where("tenantId", "=", tenantId);
  return {
    async save(profile, payload) {
      const row = { ...profile, tenantId, payload: Buffer.from(payload) };
      await db
        .insertInto("profiles")
        .values(row)
        .onConflict((c) =>
          c.columns(["tenantId", "id"]).doUpdateSet({
            name: row.name,
            identifier: row.identifier,
            description: row.description,
            sha256: row.sha256,
            sizeBytes: row.sizeBytes,
            payload: row.payload,
            createdBy: row.createdBy,
            createdAt: row.createdAt,
          }),
        )
        .execute();
    },
    async get(id) {
      const row = await table().where("id", "=", id).executeTakeFirst();
      return row && toProfile(row);
    },
    async getByIdentifier(identifier) {
      const row = await table().where("identifier", "=", identifier).executeTakeFirst();
      return row && toProfile(row);
    },
    async payload(id) {
      const row = await db
        .selectFrom("profiles")
        .select("payload")
        .where("tenantId", "=", tenantId)
        .where("id", "=", id)
        .executeTakeFirst();
      return row && new Uint8Array(row.payload);
    },
    async list(page) {
      let q = table();
      if (page.cursor)
        q = q.where(keysetAfter("id", "id", true, { after: page.cursor.id, id: page.cursor.id }, "text"));
      const rows = await q
        .orderBy("id", "desc")
        .limit(page.limit + 1)
        .execute();
      return pageOf(rows.map(toProfile), page, (p) => ({ after: p.id, id: p.id }));
    },
    async delete(id) {
      const result = await db
        .deleteFrom("profiles")
        .where("tenantId", "=", tenantId)
        .where("id", "=", id)
        .executeTakeFirst();
      return result.numDeletedRows > 0n;
    },
  };
}
