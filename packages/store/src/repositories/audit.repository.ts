import type { Selectable } from "kysely";
import type { AuditEvent, AuditRepository } from "@meridian/core";
import { keysetAfter, pageOf, parseJson } from "../query-helpers.js";
import type { Database } from "../schema.js";
import type { RepositoryContext } from "./context.js";

const toEvent = (row: Selectable<Database["auditEvents"]>): AuditEvent => ({
  ...row,
  actorType: row.actorType as AuditEvent["actorType"],
  details: parseJson<Record<string, unknown>>(row.details),
});

const toRow = (event: AuditEvent) => ({
  ...event,
  details: event.details === null ? null : JSON.stringify(event.details),
});

const INSERT_CHUNK = 400;

export function auditRepository({ db, tenantId }: RepositoryContext): AuditRepository {
  return {
    async record(event) {
      await db
        .insertInto("auditEvents")
        .values({ ...toRow(event), tenantId })
        .execute();
    },
    async recordMany(events) {
      for (let i = 0; i < events.length; i += INSERT_CHUNK) {
        await db
          .insertInto("auditEvents")
          .values(events.slice(i, i + INSERT_CHUNK).map((e) => ({ ...toRow(e), tenantId })))
          .execute();
      }
    },
    async list(query, page) {
      let q = db.selectFrom("auditEvents").selectAll().where("tenantId", "=", tenantId);
      if (query.actorId) q = q.where("actorId", "=", query.actorId);
      if (query.action) {
        // "user" matches user.create, user.delete...; "user.create" matches only itself.
        const action = query.action;
        q = action.includes(".")
          ? q.where("action", "=", action)
          : q.where((eb) => eb.and([eb("action", ">=", `${action}.`), eb("action", "<", `${action}/`)]));
      }
      if (query.targetId) q = q.where("targetId", "=", query.targetId);
      if (query.from !== undefined) q = q.where("at", ">=", query.from);
      if (query.to !== undefined) q = q.where("at", "<=", query.to);
      if (page.cursor) q = q.where(keysetAfter("at", "id", true, page.cursor, "number"));
      const rows = await q
        .orderBy("at", "desc")
        .orderBy("id", "desc")
        .limit(page.limit + 1)
        .execute();
      return pageOf(rows.map(toEvent), page, (e) => ({ after: e.at, id: e.id }));
    },
    async deleteBefore(at) {
      const result = await db
        .deleteFrom("auditEvents")
        .where("tenantId", "=", tenantId)
        .where("at", "<", at)
        .executeTakeFirst();
      return Number(result.numDeletedRows);
    },
  };
}
