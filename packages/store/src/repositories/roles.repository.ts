import type { Selectable } from "kysely";
import type { CustomRole, Permission, RoleRepository } from "@meridian/core";
import type { Database } from "../schema.js";
import type { RepositoryContext } from "./context.js";

const toRole = (row: Selectable<Database["roles"]>): CustomRole => ({
  ...row,
  permissions: JSON.parse(row.permissions) as Permission[],
});

export function roleRepository({ db, tenantId }: RepositoryContext): RoleRepository {
  const table = () => db.selectFrom("roles").selectAll().where("tenantId", "=", tenantId);
  return {
    async insert(role) {
      await db
        .insertInto("roles")
        .values({ ...role, tenantId, permissions: JSON.stringify(role.permissions) })
        .execute();
    },
    async get(id) {
      const row = await table().where("id", "=", id).executeTakeFirst();
      return row && toRole(row);
    },
    async getByName(name) {
      const row = await table().where("name", "=", name).executeTakeFirst();
      return row && toRole(row);
    },
    async update(id, patch) {
      const { permissions, ...rest } = patch;
      await db
        .updateTable("roles")
        .set({ ...rest, ...(permissions ? { permissions: JSON.stringify(permissions) } : {}) })
        .where("tenantId", "=", tenantId)
        .where("id", "=", id)
        .execute();
    },
    async delete(id) {
      const result = await db
        .deleteFrom("roles")
        .where("tenantId", "=", tenantId)
        .where("id", "=", id)
        .executeTakeFirst();
      return result.numDeletedRows > 0n;
    },
    async list() {
      return (await table().orderBy("name").execute()).map(toRole);
    },
  };
}
