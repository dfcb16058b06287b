import type { User, UserRepository, UserSource } from "@meridian/core";
import { pageOf } from "../query-helpers.js";
import { afterCursor, firstRows, type ListOrder } from "../sorted-list.js";
import type { RepositoryContext } from "./context.js";

const USER_COLUMNS = [
  "users.id",
  "users.tenantId",
  "users.email",
  "users.displayName",
  "users.givenName",
  "users.familyName",
  "users.source",
  "users.externalId",
  "users.createdAt",
  "users.updatedAt",
] as const;

type Row = Omit<User, "source"> & { source: string };
const toUser = (row: Row): User => ({ ...row, source: row.source as UserSource });

/** Emails are unique within a tenant (users_tenant_email), so the email alone orders the list and that index serves it. */
const BY_EMAIL: ListOrder = {
  column: "users.email",
  idColumn: "users.id",
  descending: false,
  kind: "text",
  unique: true,
};

/** Rows per INSERT statement: SQLite allows 32,766 bound values, PostgreSQL 65,535. */
const INSERT_CHUNK = 500;

export function userRepository({ db, tenantId, dialect }: RepositoryContext): UserRepository {
  const table = () => db.selectFrom("users").select(USER_COLUMNS).where("users.tenantId", "=", tenantId);
  return {
    async insert(user) {
      await db
        .insertInto("users")
        .values({ ...user, tenantId })
        .execute();
    },
    async insertMany(users) {
      for (let i = 0; i < users.length; i += INSERT_CHUNK) {
        await db
          .insertInto("users")
          .values(users.slice(i, i + INSERT_CHUNK).map((u) => ({ ...u, tenantId })))
          .execute();
      }
    },
    async get(id) {
      const row = await table().where("users.id", "=", id).executeTakeFirst();
      return row && toUser(row);
    },
    async getByEmail(email) {
      const row = await table().where("users.email", "=", email).executeTakeFirst();
      return row && toUser(row);
    },
    async existingEmails(emails) {
      const found = new Set<string>();
      for (let i = 0; i < emails.length; i += INSERT_CHUNK) {
        const chunk = emails.slice(i, i + INSERT_CHUNK);
        if (chunk.length === 0) continue;
        const rows = await db
          .selectFrom("users")
          .select("email")
          .where("tenantId", "=", tenantId)
          .where("email", "in", chunk)
          .execute();
        rows.forEach((r) => found.add(r.email));
      }
      return found;
    },
    async update(id, patch) {
      await db
        .updateTable("users")
        .set(patch)
        .where("tenantId", "=", tenantId)
        .where("id", "=", id)
        .execute();
    },
    async delete(id) {
      const result = await db
        .deleteFrom("users")
        .where("tenantId", "=", tenantId)
        .where("id", "=", id)
        .executeTakeFirst();
      return result.numDeletedRows > 0n;
    },
    async list(query, page) {
      // users_tenant_email and users_tenant_source_email hold every list in email order.
      const rows = (filtered = true) => {
        let q = table();
        if (filtered && query.source) q = q.where("users.source", "=", query.source);
        if (filtered && query.email !== undefined) q = q.where("users.email", "=", query.email);
        if (page.cursor) q = q.where(afterCursor(BY_EMAIL, page.cursor));
        return q;
      };
      const found = await firstRows(
        {
          db,
          dialect,
          table: "users",
          order: BY_EMAIL,
          rows,
          inIndexOrder: true,
          fewRows: query.email !== undefined,
        },
        query.text,
        page.limit + 1,
      );
      return pageOf(found.map(toUser), page, (u) => ({ after: u.email, id: u.id }));
    },
  };
}
