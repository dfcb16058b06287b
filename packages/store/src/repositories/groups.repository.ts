import { sql } from "kysely";
import type { Group, GroupMember, GroupRepository, MemberType, UserSource } from "@meridian/core";
import { keysetAfter, likeContains, pageOf } from "../query-helpers.js";
import type { RepositoryContext } from "./context.js";

type Row = Omit<Group, "source"> & { source: string };
const toGroup = (row: Row): Group => ({ ...row, source: row.source as UserSource });

export function groupRepository({ db, tenantId }: RepositoryContext): GroupRepository {
  const table = () => db.selectFrom("groups").selectAll().where("tenantId", "=", tenantId);

  /** Groups reachable downwards from `groupId` through group members. UNION (not UNION ALL) makes loops terminate. */
  const descendants = (groupId: string) =>
    db.withRecursive("descendants(id)", (qb) =>
      qb
        .selectFrom("groupMembers")
        .select("memberId as id")
        .where("tenantId", "=", tenantId)
        .where("groupId", "=", groupId)
        .where("memberType", "=", "group")
        .union((qb2) =>
          qb2
            .selectFrom("groupMembers as gm")
            .innerJoin("descendants as d", "d.id", "gm.groupId")
            .select("gm.memberId as id")
            .where("gm.tenantId", "=", tenantId)
            .where("gm.memberType", "=", "group"),
        ),
    );

  return {
    async insert(group) {
      await db
        .insertInto("groups")
        .values({ ...group, tenantId })
        .execute();
    },
    async get(id) {
      const row = await table().where("id", "=", id).executeTakeFirst();
      return row && toGroup(row);
    },
    async getByName(name) {
      const row = await table().where("name", "=", name).executeTakeFirst();
      return row && toGroup(row);
    },
    async update(id, patch) {
      await db
        .updateTable("groups")
        .set(patch)
        .where("tenantId", "=", tenantId)
        .where("id", "=", id)
        .execute();
    },
    async delete(id) {
      await db
        .deleteFrom("groupMembers")
        .where("tenantId", "=", tenantId)
        .where((eb) =>
          eb.or([eb("groupId", "=", id), eb.and([eb("memberType", "=", "group"), eb("memberId", "=", id)])]),
        )
        .execute();
      const result = await db
        .deleteFrom("groups")
        .where("tenantId", "=", tenantId)
        .where("id", "=", id)
        .executeTakeFirst();
      return result.numDeletedRows > 0n;
    },
    async list(query, page) {
      let q = table();
      if (query.text) q = q.where(sql`lower(${sql.ref("name")})`, "like", likeContains(query.text));
      if (page.cursor) q = q.where(keysetAfter("name", "id", false, page.cursor, "text"));
      const rows = await q
        .orderBy("name")
        .orderBy("id")
        .limit(page.limit + 1)
        .execute();
      return pageOf(rows.map(toGroup), page, (g) => ({ after: g.name, id: g.id }));
    },
    async addMember(groupId, member, addedAt) {
      const exists = await db
        .selectFrom("groupMembers")
        .select("groupId")
        .where("tenantId", "=", tenantId)
        .where("groupId", "=", groupId)
        .where("memberType", "=", member.type)
        .where("memberId", "=", member.id)
        .executeTakeFirst();
      if (exists) return false;
      await db
        .insertInto("groupMembers")
        .values({ tenantId, groupId, memberType: member.type, memberId: member.id, addedAt })
        .execute();
      return true;
    },
    async removeMember(groupId, member) {
      const result = await db
        .deleteFrom("groupMembers")
        .where("tenantId", "=", tenantId)
        .where("groupId", "=", groupId)
        .where("memberType", "=", member.type)
        .where("memberId", "=", member.id)
        .executeTakeFirst();
      return result.numDeletedRows > 0n;
    },
    async removeUserEverywhere(userId) {
      await db
        .deleteFrom("groupMembers")
        .where("tenantId", "=", tenantId)
        .where("memberType", "=", "user")
        .where("memberId", "=", userId)
        .execute();
    },
    async listMembers(groupId, page) {
      // Members sort by type then id; the cursor carries "type:id" as its sort value.
      let q = db
        .selectFrom("groupMembers as gm")
        .leftJoin("users as u", (j) =>
          j
            .onRef("u.id", "=", "gm.memberId")
            .on("gm.memberType", "=", "user")
            .on("u.tenantId", "=", tenantId),
        )
        .leftJoin("groups as g", (j) =>
          j
            .onRef("g.id", "=", "gm.memberId")
            .on("gm.memberType", "=", "group")
            .on("g.tenantId", "=", tenantId),
        )
        .select(["gm.memberType", "gm.memberId", "gm.addedAt", "u.email", "g.name"])
        .where("gm.tenantId", "=", tenantId)
        .where("gm.groupId", "=", groupId);
      if (page.cursor) q = q.where(keysetAfter("gm.memberType", "gm.memberId", false, page.cursor, "text"));
      const rows = await q
        .orderBy("gm.memberType")
        .orderBy("gm.memberId")
        .limit(page.limit + 1)
        .execute();
      const members: GroupMember[] = rows.map((r) => ({
        type: r.memberType as MemberType,
        id: r.memberId,
        label: (r.memberType === "user" ? r.email : r.name) ?? "",
        addedAt: r.addedAt,
      }));
      return pageOf(members, page, (m) => ({ after: m.type, id: m.id }));
    },
    async listTree() {
      const groups = (await table().orderBy("name").orderBy("id").execute()).map(toGroup);
      const nested = await db
        .selectFrom("groupMembers as gm")
        .innerJoin("groups as g", (j) => j.onRef("g.id", "=", "gm.memberId").on("g.tenantId", "=", tenantId))
        .select(["gm.groupId", "gm.memberId"])
        .where("gm.tenantId", "=", tenantId)
        .where("gm.memberType", "=", "group")
        .orderBy("g.name")
        .orderBy("g.id")
        .execute();
      const children = new Map<string, string[]>();
      for (const { groupId, memberId } of nested)
        children.set(groupId, [...(children.get(groupId) ?? []), memberId]);
      return groups.map((g) => ({ ...g, childGroupIds: children.get(g.id) ?? [] }));
    },
    async descendantGroupIds(groupId) {
      const rows = await descendants(groupId).selectFrom("descendants").select("id").execute();
      return rows.map((r) => r.id).filter((id) => id !== groupId);
    },
    async listEffectiveUsers(groupId, page) {
      let q = descendants(groupId)
        .selectFrom("users")
        .select(["users.id", "users.email", "users.displayName"])
        .where("users.tenantId", "=", tenantId)
        .where((eb) =>
          eb.exists(
            eb
              .selectFrom("groupMembers as m")
              .select("m.memberId")
              .where("m.tenantId", "=", tenantId)
              .where("m.memberType", "=", "user")
              .whereRef("m.memberId", "=", "users.id")
              .where((eb2) =>
                eb2.or([
                  eb2("m.groupId", "=", groupId),
                  eb2("m.groupId", "in", eb2.selectFrom("descendants").select("id")),
                ]),
              ),
          ),
        );
      if (page.cursor) q = q.where(keysetAfter("users.email", "users.id", false, page.cursor, "text"));
      const rows = await q
        .orderBy("users.email")
        .orderBy("users.id")
        .limit(page.limit + 1)
        .execute();
      return pageOf(rows, page, (u) => ({ after: u.email, id: u.id }));
    },
    async effectiveGroupsOfUser(userId) {
      const rows = await db
        .withRecursive("ancestors(id)", (qb) =>
          qb
            .selectFrom("groupMembers")
            .select("groupId as id")
            .where("tenantId", "=", tenantId)
            .where("memberType", "=", "user")
            .where("memberId", "=", userId)
            .union((qb2) =>
              qb2
                .selectFrom("groupMembers as gm")
                .innerJoin("ancestors as a", "a.id", "gm.memberId")
                .select("gm.groupId as id")
                .where("gm.tenantId", "=", tenantId)
                .where("gm.memberType", "=", "group"),
            ),
        )
        .selectFrom("groups")
        .selectAll("groups")
        .where("groups.tenantId", "=", tenantId)
        .where("groups.id", "in", (eb) => eb.selectFrom("ancestors").select("id"))
        .orderBy("groups.name")
        .execute();
      return rows.map(toGroup);
    },
  };
}
