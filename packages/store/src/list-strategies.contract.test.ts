import {
  DEFAULT_TENANT_ID,
  newDeviceRecord,
  pageRequest,
  searchText,
  type Device,
  type DeviceQuery,
  type DeviceRecord,
  type Page,
  type UserRecord,
} from "@meridian/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { storeBackends } from "./testing/backends.js";

/**
 * Lists take different paths depending on how many rows match and where they sit (see firstRows in
 * sorted-list.ts): straight off an index, a bounded FTS5 probe, a bounded walk, or gathering every
 * match. The data below is shaped so that each path is taken, and every answer is compared, page by
 * page, with the same list worked out in plain code. Names use only lower-case letters and digits,
 * on which every collation agrees.
 */
const TENANT = DEFAULT_TENANT_ID;
const OTHER_TENANT = "00000000-0000-7000-8000-0000000000b2";
const T0 = Date.UTC(2026, 0, 1);

function seedUsers(): UserRecord[] {
  const users: UserRecord[] = [];
  const add = (email: string, familyName: string) =>
    users.push({
      id: `01900000-0000-7000-8000-${String(users.length).padStart(12, "0")}`,
      tenantId: TENANT,
      email,
      displayName: email,
      givenName: null,
      familyName,
      source: users.length % 10 === 0 ? "ldap" : "local",
      externalId: null,
      createdAt: T0,
      updatedAt: T0,
      searchText: searchText(email, familyName),
    });
  // 900 at the front of the email order, 2,100 bunched at the back: more than the FTS probe takes, and out of reach of the walk.
  for (let i = 0; i < 900; i++)
    add(`aa${String(i).padStart(4, "0")}@spread.example`, i % 30 === 0 ? "rarename" : "common");
  for (let i = 0; i < 2100; i++)
    add(`zz${String(i).padStart(4, "0")}@bunch.example`, i % 3 === 0 ? "third" : "common");
  return users;
}

function seedDevices(ownerId: string): DeviceRecord[] {
  const devices: DeviceRecord[] = [];
  for (let i = 0; i < 3000; i++) {
    const record = newDeviceRecord(
      TENANT,
      {
        platform: (["ios", "android", "windows", "macos"] as const)[i % 4]!,
        name: `dev${String((i * 7919) % 3000).padStart(4, "0")}`,
        osVersion: i < 2900 ? ["17.4.1", "17", "14", "10.0.22631"][i % 4] : "12.1",
        serialNumber: `sn${String(i).padStart(5, "0")}`,
        state: i >= 2950 ? "lost" : i % 50 === 0 ? "inactive" : "active",
        ownerUserId: i % 500 === 0 ? ownerId : undefined,
      },
      T0 + i,
    );
    // Lost devices were seen last, so they bunch at the end of the last-contact order.
    devices.push({ ...record, lastSeenAt: T0 + (i >= 2950 ? i : 100_000 + i) });
  }
  return devices;
}

const bytes = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

async function collect<T>(fetch: (cursor: string | undefined) => Promise<Page<T>>): Promise<T[]> {
  const all: T[] = [];
  let cursor: string | undefined;
  for (let pages = 0; pages < 5000; pages++) {
    const page = await fetch(cursor);
    all.push(...page.items);
    cursor = page.nextCursor;
    if (!cursor) return all;
  }
  throw new Error("paging did not end");
}

describe.each(storeBackends)("list strategies on $name", (backend) => {
  let env: Awaited<ReturnType<typeof backend.open>>;
  let users: UserRecord[];
  let devices: DeviceRecord[];

  beforeAll(async () => {
    env = await backend.open();
    await env.store.tenants.insert({
      id: TENANT,
      slug: "default",
      name: "Default",
      operator: false,
      createdAt: T0,
    });
    users = seedUsers();
    devices = seedDevices(users[5]!.id);
    await env.store.transaction(async (tx) => {
      await tx.forTenant(TENANT).users.insertMany(users);
      await tx.forTenant(TENANT).devices.insertMany(devices);
      // Another tenant's rows match every term too; they must never show.
      await tx.forTenant(OTHER_TENANT).users.insertMany(
        users.slice(0, 50).map((u, i) => ({
          ...u,
          id: `01900000-0000-7000-9000-${String(i).padStart(12, "0")}`,
          tenantId: OTHER_TENANT,
        })),
      );
    });
    await env.store.maintain();
  }, 120_000);
  afterAll(async () => env?.dispose());

  const userCases: Array<[string, { text?: string; source?: "ldap" }]> = [
    ["everyone", {}],
    ["a term in over 2,000 rows, bunched at the end", { text: "bunch.example" }],
    ["a term in most rows", { text: "common" }],
    ["a rare term the FTS probe answers", { text: "rarename" }],
    ["a term in a third of the bunched rows", { text: "third" }],
    ["two characters, many matches", { text: "zz" }],
    ["two characters, no match", { text: "qx" }],
    ["a filter and a term", { text: "third", source: "ldap" }],
  ];

  it.each(userCases)("pages users: %s", async (_name, query) => {
    const expected = users
      .filter(
        (u) =>
          (!query.text || u.searchText.includes(query.text)) && (!query.source || u.source === query.source),
      )
      .map((u) => u.email)
      .sort(bytes);
    for (const limit of [1, 7, 500]) {
      if (limit === 1 && expected.length > 300) continue;
      const repo = env.store.forTenant(TENANT).users;
      const got = await collect((cursor) =>
        repo.list(query, pageRequest({ limit, ...(cursor ? { cursor } : {}) })),
      );
      expect(
        got.map((u) => u.email),
        `limit ${limit}`,
      ).toEqual(expected);
    }
  });

  const deviceCases: Array<[string, Partial<DeviceQuery>]> = [
    ["by name", {}],
    ["one platform by name", { platform: "android" }],
    [
      "lost devices by last contact, bunched at the end",
      { state: "lost", sort: "lastSeenAt", descending: false },
    ],
    ["lost devices by name", { state: "lost" }],
    [
      "inactive devices by last contact, newest first",
      { state: "inactive", sort: "lastSeenAt", descending: true },
    ],
    ["a rare OS version", { osVersion: "12" }],
    ["an OS version prefix", { osVersion: "17" }],
    ["one owner", { ownerUserId: "01900000-0000-7000-8000-000000000005" }],
    [
      "one owner by last contact",
      { ownerUserId: "01900000-0000-7000-8000-000000000005", sort: "lastSeenAt", descending: true },
    ],
    ["a serial fragment", { text: "sn029" }],
    ["a platform and a serial fragment", { platform: "ios", text: "sn02" }],
    [
      "windows on one build, by enrolment",
      { platform: "windows", osVersion: "10.0.22631", sort: "enrolledAt" },
    ],
  ];

  it.each(deviceCases)("pages devices: %s", async (_name, partial) => {
    const query: DeviceQuery = { sort: "name", descending: false, ...partial };
    const key = (d: Device) =>
      query.sort === "name" ? d.name : query.sort === "lastSeenAt" ? d.lastSeenAt! : d.enrolledAt!;
    const expected = devices
      .filter(
        (d) =>
          (!query.platform || d.platform === query.platform) &&
          (!query.state || d.state === query.state) &&
          (!query.ownerUserId || d.ownerUserId === query.ownerUserId) &&
          (!query.osVersion ||
            d.osVersion === query.osVersion ||
            d.osVersion!.startsWith(`${query.osVersion}.`)) &&
          (!query.text || d.searchText.includes(query.text)),
      )
      .sort((a, b) => {
        const ka = key(a);
        const kb = key(b);
        const order = typeof ka === "number" ? ka - (kb as number) : bytes(ka, kb as string);
        return (order || bytes(a.id, b.id)) * (query.descending ? -1 : 1);
      })
      .map((d) => d.id);
    for (const limit of [3, 50, 500]) {
      const repo = env.store.forTenant(TENANT).devices;
      const got = await collect((cursor) =>
        repo.list(query, pageRequest({ limit, ...(cursor ? { cursor } : {}) })),
      );
      expect(
        got.map((d) => d.id),
        `limit ${limit}`,
      ).toEqual(expected);
    }
  });
});
