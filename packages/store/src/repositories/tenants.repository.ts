import type { Kysely, Selectable } from "kysely";
import type { Tenant, TenantRepository } from "@meridian/core";
import type { Database } from "../schema.js";
import { flag, isSet } from "../query-helpers.js";

const toTenant = (row: Selectable<Database["tenants"]>): Tenant => ({
  ...row,
  operator: isSet(row.operator),
});

export function tenantRepository(db: Kysely<Database>): TenantRepository {
  return {
    async insert(tenant) {
      await db
        .insertInto("tenants")
        .values({ ...tenant, operator: flag(tenant.operator) })
        .execute();
    },
    async get(id) {
      const row = await db.selectFrom("tenants").selectAll().where("id", "=", id).executeTakeFirst();
      return row && toTenant(row);
    },
    async getBySlug(slug) {
      const row = await db.selectFrom("tenants").selectAll().where("slug", "=", slug).executeTakeFirst();
      return row && toTenant(row);
    },
    async list() {
      return (await db.selectFrom("tenants").selectAll().orderBy("slug").execute()).map(toTenant);
    },
  };
}
