import type { Selectable } from "kysely";
import type { Administrator, AdministratorRecord, AdministratorRepository } from "@meridian/core";
import type { Database } from "../schema.js";
import { flag, isSet, keysetAfter, pageOf } from "../query-helpers.js";
import type { RepositoryContext } from "./context.js";

type Row = Selectable<Database["administrators"]>;

export const toAdministratorRecord = (row: Row): AdministratorRecord => ({
  ...row,
  disabled: isSet(row.disabled),
});

function toAdministrator(row: Row): Administrator {
  const { passwordHash: _omit, ...record } = toAdministratorRecord(row);
  return record;
}

export function administratorRepository({ db, tenantId }: RepositoryContext): AdministratorRepository {
  const table = () => db.selectFrom("administrators").selectAll().where("tenantId", "=", tenantId);
  return {
    async insert(admin) {
      await db
        .insertInto("administrators")
        .values({ ...admin, tenantId, disabled: flag(admin.disabled) })
        .execute();
    },
    async get(id) {
      const row = await table().where("id", "=", id).executeTakeFirst();
      return row && toAdministrator(row);
    },
    async getRecord(id) {
      const row = await table().where("id", "=", id).executeTakeFirst();
      return row && toAdministratorRecord(row);
    },
    async getByEmail(email) {
      const row = await table().where("email", "=", email).executeTakeFirst();
      return row && toAdministrator(row);
    },
    async update(id, patch) {
      const { disabled, ...rest } = patch;
      await db
        .updateTable("administrators")
        .set({ ...rest, ...(disabled === undefined ? {} : { disabled: flag(disabled) }) })
        .where("tenantId", "=", tenantId)
        .where("id", "=", id)
        .execute();
    },
    async delete(id) {
      const result = await db
        .deleteFrom("administrators")
        .where("tenantId", "=", tenantId)
        .where("id", "=", id)
        .executeTakeFirst();
      return result.numDeletedRows > 0n;
    },
    async list(page) {
      let query = table();
      if (page.cursor) query = query.where(keysetAfter("email", "id", false, page.cursor, "text"));
      const rows = await query
        .orderBy("email")
        .orderBy("id")
        .limit(page.limit + 1)
        .execute();
      return pageOf(rows.map(toAdministrator), page, (a) => ({ after: a.email, id: a.id }));
    },
    async countActiveWithRole(roleId) {
      const row = await db
        .selectFrom("administrators")
        .select((eb) => eb.fn.countAll<number>().as("n"))
        .where("tenantId", "=", tenantId)
        .where("roleId", "=", roleId)
        .where("disabled", "=", 0)
        .executeTakeFirstOrThrow();
      return Number(row.n);
    },
    async countWithRole(roleId) {
      const row = await db
        .selectFrom("administrators")
        .select((eb) => eb.fn.countAll<number>().as("n"))
        .where("tenantId", "=", tenantId)
        .where("roleId", "=", roleId)
        .executeTakeFirstOrThrow();
      return Number(row.n);
    },
  };
}
