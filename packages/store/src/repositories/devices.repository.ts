import type { Device, DeviceRecord, DeviceRepository, DeviceSort, DeviceState, Ownership, Platform } from "@meridian/core";
import { keysetAfter, matchesText, pageOf } from "../query-helpers.js";
import type { Database } from "../schema.js";
import type { RepositoryContext } from "./context.js";

const DEVICE_COLUMNS = [
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

const toDevice = (row: Row): Device => ({
  ...row,
  platform: row.platform as Platform,
  ownership: row.ownership as Ownership,
  state: row.state as DeviceState,
  enrolledAt: row.enrolledAt === 0 ? null : row.enrolledAt,
  lastSeenAt: row.lastSeenAt === 0 ? null : row.lastSeenAt,
});

const toRow = (device: DeviceRecord) => ({ ...device, enrolledAt: device.enrolledAt ?? 0, lastSeenAt: device.lastSeenAt ?? 0 });

const SORT_COLUMNS: Record<DeviceSort, { column: `devices.${"name" | "lastSeenAt" | "enrolledAt"}`; kind: "text" | "number" }> = {
  name: { column: "devices.name", kind: "text" },
  lastSeenAt: { column: "devices.lastSeenAt", kind: "number" },
  enrolledAt: { column: "devices.enrolledAt", kind: "number" },
};

const INSERT_CHUNK = 400;
const MANAGED_STATES = ["enrolling", "active", "inactive", "lost"];

export function deviceRepository({ db, tenantId, dialect }: RepositoryContext): DeviceRepository {
  const table = () => db.selectFrom("devices").select(DEVICE_COLUMNS).where("devices.tenantId", "=", tenantId);
  const count = async (where: (q: ReturnType<typeof countQuery>) => ReturnType<typeof countQuery>) =>
    Number((await where(countQuery()).executeTakeFirstOrThrow()).n);
  const countQuery = () =>
    db.selectFrom("devices").select((eb) => eb.fn.countAll<number>().as("n")).where("tenantId", "=", tenantId);

  return {
    async insert(device) {
      await db.insertInto("devices").values({ ...toRow(device), tenantId }).execute();
    },
    async insertMany(devices) {
      for (let i = 0; i < devices.length; i += INSERT_CHUNK) {
        await db.insertInto("devices").values(devices.slice(i, i + INSERT_CHUNK).map((d) => ({ ...toRow(d), tenantId }))).execute();
      }
    },
    async get(id) {
      const row = await table().where("devices.id", "=", id).executeTakeFirst();
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
      const result = await db.deleteFrom("devices").where("tenantId", "=", tenantId).where("id", "=", id).executeTakeFirst();
      return result.numDeletedRows > 0n;
    },
    async list(query, page) {
      let q = table();
      if (query.platform) q = q.where("devices.platform", "=", query.platform);
      if (query.state) q = q.where("devices.state", "=", query.state);
      if (query.ownership) q = q.where("devices.ownership", "=", query.ownership);
      if (query.ownerUserId) q = q.where("devices.ownerUserId", "=", query.ownerUserId);
      if (query.osVersion) {
        // "17" matches "17" and everything from "17." up to (not including) "17/": '/' follows '.' in ASCII.
        const v = query.osVersion;
        q = q.where((eb) =>
          eb.or([eb("devices.osVersion", "=", v), eb.and([eb("devices.osVersion", ">=", `${v}.`), eb("devices.osVersion", "<", `${v}/`)])]),
        );
      }
      if (query.text) q = q.where(matchesText(dialect, "devices", query.text));
      const { column, kind } = SORT_COLUMNS[query.sort];
      const direction = query.descending ? "desc" : "asc";
      if (page.cursor) q = q.where(keysetAfter(column, "devices.id", query.descending, page.cursor, kind));
      const rows = await q.orderBy(column, direction).orderBy("devices.id", direction).limit(page.limit + 1).execute();
      const key = column.slice("devices.".length) as "name" | "lastSeenAt" | "enrolledAt";
      const result = pageOf(rows, page, (r) => ({ after: r[key], id: r.id }));
      return { items: result.items.map(toDevice), nextCursor: result.nextCursor };
    },
    countManagedForUser: (userId) => count((q) => q.where("ownerUserId", "=", userId).where("state", "in", MANAGED_STATES)),
    countForUser: (userId) => count((q) => q.where("ownerUserId", "=", userId)),
    async summary() {
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
      return { total, byPlatform, byState, byOsVersion: [...byOs.values()].sort((a, b) => b.count - a.count) };
    },
  };
}
