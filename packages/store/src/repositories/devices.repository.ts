import type {
  Device,
  DeviceQuery,
  DeviceFilter,
  DeviceRecord,
  DeviceRepository,
  DeviceSort,
  DeviceState,
  Ownership,
  Platform,
} from "@meridian/core";
import { sql, type ExpressionBuilder, type Kysely, type SelectQueryBuilder, type SqlBool } from "kysely";
import { preparedQuery } from "../prepared-query.js";
import { likeContains, pageOf } from "../query-helpers.js";
import { afterCursor, firstRows, type ListOrder } from "../sorted-list.js";
import type { Database } from "../schema.js";
import type { RepositoryContext } from "./context.js";

const DAY = 86_400_000;

export const DEVICE_COLUMNS = [
  "devices.id",
  "devices.tenantId",
  "devices.name",
  "devices.platform",
  "devices.ownership",
  "devices.model",
  "devices.manufacturer",
  "devices.osVersion",
  "devices.serialNumber",
  "devices.imei",
  "devices.state",
  "devices.ownerUserId",
  "devices.enrolledAt",
  "devices.lastSeenAt",
  "devices.createdAt",
  "devices.updatedAt",
] as const;

type Row = Omit<Database["devices"], "searchText">;

export const toDevice = (row: Row): Device => ({
  ...row,
  platform: row.platform as Platform,
  ownership: row.ownership as Ownership,
  state: row.state as DeviceState,
  enrolledAt: row.enrolledAt === 0 ? null : row.enrolledAt,
  lastSeenAt: row.lastSeenAt === 0 ? null : row.lastSeenAt,
});

const toRow = (device: DeviceRecord) => ({
  ...device,
  enrolledAt: device.enrolledAt ?? 0,
  lastSeenAt: device.lastSeenAt ?? 0,
});

const SORT_COLUMNS: Record<
  DeviceSort,
  { column: `devices.${"name" | "lastSeenAt" | "enrolledAt"}`; kind: "text" | "number" }
> = {
  name: { column: "devices.name", kind: "text" },
  lastSeenAt: { column: "devices.lastSeenAt", kind: "number" },
  enrolledAt: { column: "devices.enrolledAt", kind: "number" },
};

/** Filters that an index holds in each sort order (0001-initial.ts): devices_tenant_platform_name, _state_name and _state_last_seen. */
const INDEXED_IN_ORDER: Record<DeviceSort, ReadonlyArray<keyof DeviceQuery>> = {
  name: ["platform", "state"],
  lastSeenAt: ["state"],
  enrolledAt: [],
};

const INSERT_CHUNK = 400;
const ID_CHUNK = 500;
const MANAGED_STATES = ["enrolling", "active", "inactive", "lost"];

/**
 * The users in a group, directly or through the groups nested in it, as a subquery: a recursive walk
 * down the group members (UNION, not UNION ALL, so a loop of groups ends), then their user members.
 * Every row is read within the tenant, so another tenant's group id matches no one.
 */
function groupMemberUserIds(tenantId: string, groupId: string) {
  return sql<string>`(
    with recursive nested(id) as (
      select ${groupId}
      union
      select gm.member_id from group_members gm join nested on gm.group_id = nested.id
      where gm.tenant_id = ${tenantId} and gm.member_type = 'group'
    )
    select m.member_id from group_members m
    where m.tenant_id = ${tenantId} and m.member_type = 'user'
      and m.group_id in (select id from nested)
  )`;
}

/** The device-list filters other than text, applied to any select over `devices`. */
function withFilters<O>(
  q: SelectQueryBuilder<Database, "devices", O>,
  query: DeviceFilter,
  tenantId: string,
): SelectQueryBuilder<Database, "devices", O> {
  if (query.platform) q = q.where("devices.platform", "=", query.platform);
  if (query.state) q = q.where("devices.state", "=", query.state);
  if (query.ownership) q = q.where("devices.ownership", "=", query.ownership);
  if (query.ownerUserId) q = q.where("devices.ownerUserId", "=", query.ownerUserId);
  if (query.groupId) q = q.where("devices.ownerUserId", "in", groupMemberUserIds(tenantId, query.groupId));
  if (query.compliance) {
    const reports = (eb: ExpressionBuilder<Database, "devices">) =>
      eb
        .selectFrom("deviceCompliance")
        .select(sql<number>`1`.as("one"))
        .whereRef("deviceCompliance.tenantId", "=", "devices.tenantId")
        .whereRef("deviceCompliance.deviceId", "=", "devices.id");
    const compliance = query.compliance;
    q = q.where((eb) =>
      compliance === "not_reported"
        ? eb.not(eb.exists(reports(eb)))
        : eb.exists(reports(eb).where("deviceCompliance.compliant", "=", compliance === "compliant" ? 1 : 0)),
    );
  }
  if (query.osVersion) {
    // "17" matches "17" and everything from "17." up to (not including) "17/": '/' follows '.' in ASCII.
    // One range from "17" to "17/" lets the index find them all; the OR then leaves out the "17-beta"s in it.
    const v = query.osVersion;
    q = q
      .where("devices.osVersion", ">=", v)
      .where("devices.osVersion", "<", `${v}/`)
      .where((eb) => eb.or([eb("devices.osVersion", "=", v), eb("devices.osVersion", ">=", `${v}.`)]));
  }
  return q;
}

/** A device by id, read on every agent request (prepared, decision 18). */
const deviceById = preparedQuery("devices.get", (db: Kysely<Database>, tenantId: string, id: string) =>
  db
    .selectFrom("devices")
    .select(DEVICE_COLUMNS)
    .where("devices.tenantId", "=", tenantId)
    .where("devices.id", "=", id),
);

export function deviceRepository({ db, tenantId, dialect }: RepositoryContext): DeviceRepository {
  const table = () =>
    db.selectFrom("devices").select(DEVICE_COLUMNS).where("devices.tenantId", "=", tenantId);
  const count = async (where: (q: ReturnType<typeof countQuery>) => ReturnType<typeof countQuery>) =>
    Number((await where(countQuery()).executeTakeFirstOrThrow()).n);
  const countQuery = () =>
    db
      .selectFrom("devices")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .where("tenantId", "=", tenantId);

  return {
    async insert(device) {
      await db
        .insertInto("devices")
        .values({ ...toRow(device), tenantId })
        .execute();
    },
    async insertMany(devices) {
      for (let i = 0; i < devices.length; i += INSERT_CHUNK) {
        await db
          .insertInto("devices")
          .values(devices.slice(i, i + INSERT_CHUNK).map((d) => ({ ...toRow(d), tenantId })))
          .execute();
      }
    },
    async get(id) {
      const row = (await deviceById.run({ db, dialect }, tenantId, id)).rows[0];
      return row && toDevice(row);
    },
    async update(id, patch) {
      const { enrolledAt, lastSeenAt, ...rest } = patch;
      await db
        .updateTable("devices")
        .set({
          ...rest,
          ...(enrolledAt === undefined ? {} : { enrolledAt: enrolledAt ?? 0 }),
          ...(lastSeenAt === undefined ? {} : { lastSeenAt: lastSeenAt ?? 0 }),
        })
        .where("tenantId", "=", tenantId)
        .where("id", "=", id)
        .execute();
    },
    async delete(id) {
      const result = await db
        .deleteFrom("devices")
        .where("tenantId", "=", tenantId)
        .where("id", "=", id)
        .executeTakeFirst();
      return result.numDeletedRows > 0n;
    },
    async list(query, page) {
      const { column, kind } = SORT_COLUMNS[query.sort];
      const order: ListOrder = { column, idColumn: "devices.id", descending: query.descending, kind };
      const rows = (filtered = true) => {
        let q = table();
        if (filtered) q = withFilters(q, query, tenantId);
        return page.cursor ? q.where(afterCursor(order, page.cursor)) : q;
      };
      const filters = (
        ["platform", "state", "ownership", "ownerUserId", "groupId", "osVersion", "compliance"] as const
      ).filter((f) => query[f] !== undefined);
      const inIndexOrder =
        filters.length === 0 || (filters.length === 1 && INDEXED_IN_ORDER[query.sort].includes(filters[0]!));
      // An owner has a handful of devices.
      const fewRows = query.ownerUserId !== undefined;
      const found = await firstRows(
        { db, dialect, table: "devices", order, rows, inIndexOrder, fewRows },
        query.text,
        page.limit + 1,
      );
      const key = column.slice("devices.".length) as "name" | "lastSeenAt" | "enrolledAt";
      const result = pageOf(found, page, (r) => ({ after: r[key], id: r.id }));
      return { items: result.items.map(toDevice), nextCursor: result.nextCursor };
    },
    async idsMatching(query, limit) {
      let q = withFilters(
        db.selectFrom("devices").select("devices.id").where("devices.tenantId", "=", tenantId),
        query,
        tenantId,
      ).where("devices.state", "in", MANAGED_STATES);
      if (query.text)
        q = q.where(
          sql<SqlBool>`${sql.ref("devices.searchText")} like ${likeContains(query.text)} escape '\\'`,
        );
      return (await q.limit(limit).execute()).map((r) => r.id);
    },
    async managedIds(ids, platforms) {
      const found: string[] = [];
      for (let i = 0; i < ids.length; i += ID_CHUNK) {
        let q = db
          .selectFrom("devices")
          .select("id")
          .where("tenantId", "=", tenantId)
          .where("id", "in", ids.slice(i, i + ID_CHUNK))
          .where("state", "in", MANAGED_STATES);
        if (platforms) q = q.where("platform", "in", [...platforms]);
        const rows = await q.execute();
        found.push(...rows.map((r) => r.id));
      }
      return found;
    },
    countManagedForUser: (userId) =>
      count((q) => q.where("ownerUserId", "=", userId).where("state", "in", MANAGED_STATES)),
    countManaged: () => count((q) => q.where("state", "in", MANAGED_STATES)),
    countForUser: (userId) => count((q) => q.where("ownerUserId", "=", userId)),
    async summary(now) {
      const grouped = await db
        .selectFrom("devices")
        .select(["platform", "state", "osVersion", (eb) => eb.fn.countAll<number>().as("n")])
        .where("tenantId", "=", tenantId)
        .groupBy(["platform", "state", "osVersion"])
        .execute();
      const byPlatform: Record<string, number> = {};
      const byState: Record<string, number> = {};
      const byOs = new Map<string, { platform: string; osVersion: string | null; count: number }>();
      let total = 0;
      for (const row of grouped) {
        const n = Number(row.n);
        total += n;
        byPlatform[row.platform] = (byPlatform[row.platform] ?? 0) + n;
        byState[row.state] = (byState[row.state] ?? 0) + n;
        const key = `${row.platform}\u0000${row.osVersion ?? ""}`;
        const entry = byOs.get(key) ?? { platform: row.platform, osVersion: row.osVersion, count: 0 };
        entry.count += n;
        byOs.set(key, entry);
      }
      return {
        total,
        byPlatform,
        byState,
        byOsVersion: [...byOs.values()].sort((a, b) => b.count - a.count),
        ...(await contactAndCompliance(now)),
      };
    },
  };

  /** Devices by how long ago they last made contact, and by their last compliance report. */
  async function contactAndCompliance(now: number) {
    // Never is stored as 0. Each count reads a range of the tenant's last-contact index, no device row.
    const lastSeen = sql.ref("devices.lastSeenAt");
    const since = (days: number) => sql.lit(now - days * DAY);
    const seen = await db
      .selectFrom("devices")
      .select((eb) => [
        eb.fn.countAll<number>().as("total"),
        eb.fn.count<number>(sql`case when ${lastSeen} >= ${since(1)} then 1 end`).as("day"),
        eb.fn.count<number>(sql`case when ${lastSeen} >= ${since(7)} then 1 end`).as("week"),
        eb.fn.count<number>(sql`case when ${lastSeen} >= ${since(30)} then 1 end`).as("month"),
        eb.fn.count<number>(sql`case when ${lastSeen} is null or ${lastSeen} <= 0 then 1 end`).as("never"),
      ])
      .where("devices.tenantId", "=", tenantId)
      .executeTakeFirstOrThrow();
    const [total, day, week, month, never] = [seen.total, seen.day, seen.week, seen.month, seen.never].map(
      Number,
    ) as [number, number, number, number, number];
    const byLastContact = {
      day,
      week: week - day,
      month: month - week,
      older: total - month - never,
      never,
    };
    // Only devices that reported have a compliance row: the others are "not reported".
    const reports = await db
      .selectFrom("deviceCompliance")
      .innerJoin("devices", (join) =>
        join
          .onRef("devices.tenantId", "=", "deviceCompliance.tenantId")
          .onRef("devices.id", "=", "deviceCompliance.deviceId"),
      )
      .select(["deviceCompliance.compliant", (eb) => eb.fn.countAll<number>().as("n")])
      .where("deviceCompliance.tenantId", "=", tenantId)
      .groupBy("deviceCompliance.compliant")
      .execute();
    const byCompliance = { compliant: 0, notCompliant: 0, notReported: total };
    for (const row of reports) {
      const n = Number(row.n);
      byCompliance.notReported -= n;
      if (Number(row.compliant) === 1) byCompliance.compliant += n;
      else byCompliance.notCompliant += n;
    }
    return { byLastContact, byCompliance };
  }
}
