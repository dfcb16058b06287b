import {
  DEFAULT_TENANT_ID,
  HELP_DESK,
  SECURITY_ADMINISTRATOR,
  createCore,
  newDeviceRecord,
  pageRequest,
  systemActor,
  ALL_PERMISSIONS,
  type Actor,
  type Core,
} from "@meridian/core";
import { createSecretBox, nodeCrypto } from "@meridian/crypto";
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { KyselyStore } from "./kysely-store.js";
import { openStore } from "./open-store.js";
import { storeBackends } from "./testing/backends.js";

/**
 * One contract for every storage backend: each `it` runs on SQLite and on PostgreSQL against a real,
 * freshly migrated database.
 */
describe.each(storeBackends)("store contract on $name", (backend) => {
  let env: Awaited<ReturnType<typeof backend.open>>;
  let store: KyselyStore;
  let core: Core;
  let now = Date.UTC(2026, 10, 1);
  const clock = { now: () => now };
  let acme: Actor;
  let globex: Actor;

  beforeAll(async () => {
    env = await backend.open();
    store = env.store;
    core = createCore(
      { store, crypto: nodeCrypto, secretBox: createSecretBox(randomBytes(32)), clock },
      // A stand-in for the SPAKE2+ verifier: the domain only stores and returns it.
      {
        activationSecrets: { createVerifier: async (password) => `stand-in:${nodeCrypto.sha256(password)}` },
      },
    );
    await core.tenants.ensureDefaultTenant(false);
    await store.tenants.insert({
      id: "00000000-0000-7000-8000-0000000000a2",
      slug: "globex",
      name: "Globex",
      operator: false,
      createdAt: now,
    });
    acme = systemActor(DEFAULT_TENANT_ID, "test", ALL_PERMISSIONS);
    globex = systemActor("00000000-0000-7000-8000-0000000000a2", "test", ALL_PERMISSIONS);
  });
  afterAll(async () => env?.dispose());

  it("runs migrations once: opening the same database again changes nothing", async () => {
    const again = await openStore({ url: env.url, dataDir: env.dataDir });
    expect(await again.tenants.get(DEFAULT_TENANT_ID)).toMatchObject({ slug: "default" });
    await again.close();
  });

  it("creates, finds, updates and deletes users, each write audited", async () => {
    const user = await core.users.create(acme, {
      email: " Jane.Doe@Example.com ",
      givenName: "Jane",
      familyName: "Doe",
    });
    expect(user).toMatchObject({ email: "jane.doe@example.com", displayName: "Jane Doe", source: "local" });
    expect(await core.users.get(acme, user.id)).toEqual(user);
    const renamed = await core.users.update(acme, user.id, { displayName: "J. Doe", givenName: null });
    expect(renamed).toMatchObject({ displayName: "J. Doe", givenName: null, familyName: "Doe" });
    expect(await core.users.get(acme, user.id)).toMatchObject({ displayName: "J. Doe", givenName: null });
    await expect(core.users.create(acme, { email: "jane.doe@example.com" })).rejects.toMatchObject({
      code: "user_exists",
    });
    await core.users.delete(acme, user.id);
    await expect(core.users.get(acme, user.id)).rejects.toMatchObject({ code: "user_not_found" });
    const actions = (await core.audit.list(acme, { targetId: user.id }, {})).items.map((e) => e.action);
    expect(actions).toEqual(["user.delete", "user.update", "user.create"]);
  });

  it("keeps tenants apart in every repository", async () => {
    const mine = await core.users.create(acme, { email: "only-acme@example.com" });
    const group = await core.groups.create(acme, { name: "Acme staff" });
    const device = await core.devices.register(acme, {
      platform: "ios",
      name: "Acme phone",
      ownerUserId: mine.id,
    });
    await expect(core.users.get(globex, mine.id)).rejects.toMatchObject({ kind: "not_found" });
    await expect(core.groups.get(globex, group.id)).rejects.toMatchObject({ kind: "not_found" });
    expect((await core.groups.tree(globex)).map((g) => g.id)).not.toContain(group.id);
    await expect(core.devices.get(globex, device.id)).rejects.toMatchObject({ kind: "not_found" });
    await expect(core.users.update(globex, mine.id, { displayName: "stolen" })).rejects.toMatchObject({
      kind: "not_found",
    });
    await expect(core.users.delete(globex, mine.id)).rejects.toMatchObject({ kind: "not_found" });
    await expect(
      core.groups.addMember(globex, group.id, { type: "user", id: mine.id }),
    ).rejects.toMatchObject({ kind: "not_found" });
    expect((await core.users.list(globex, { text: "only-acme" }, {})).items).toEqual([]);
    expect((await core.devices.list(globex, {}, {})).items).toEqual([]);
    expect((await core.audit.list(globex, {}, {})).items.filter((e) => e.targetId === mine.id)).toEqual([]);
    // The same email may exist once in each tenant.
    await core.users.create(globex, { email: "only-acme@example.com" });
    expect((await core.users.get(acme, mine.id)).displayName).toBe("only-acme");
  });

  it("pages users by email with a cursor and finds them by substring", async () => {
    const rows = Array.from({ length: 120 }, (_, i) => ({
      email: `pager${String(i).padStart(3, "0")}@paging.example`,
      givenName: i % 2 ? "Odd" : "Even",
      familyName: `Number${i}`,
    }));
    const results = await core.users.importBatch(acme, rows);
    expect(results.every((r) => r.status === "created")).toBe(true);
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await core.users.list(
        acme,
        { text: "paging.example" },
        { limit: 50, ...(cursor ? { cursor } : {}) },
      );
      seen.push(...page.items.map((u) => u.email));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual(rows.map((r) => r.email));
    expect((await core.users.list(acme, { text: "NUMBER11" }, {})).items.map((u) => u.email)).toEqual([
      "pager011@paging.example",
      "pager110@paging.example",
      "pager111@paging.example",
      "pager112@paging.example",
      "pager113@paging.example",
      "pager114@paging.example",
      "pager115@paging.example",
      "pager116@paging.example",
      "pager117@paging.example",
      "pager118@paging.example",
      "pager119@paging.example",
    ]);
    // Short text cannot use trigrams; it must still match.
    expect((await core.users.list(acme, { text: "r7" }, {})).items.map((u) => u.familyName)).toEqual([
      "Number7",
      "Number70",
      "Number71",
      "Number72",
      "Number73",
      "Number74",
      "Number75",
      "Number76",
      "Number77",
      "Number78",
      "Number79",
    ]);
    // LIKE wildcards and quotes in the search are plain characters.
    expect((await core.users.list(acme, { text: "%" }, {})).items).toEqual([]);
    expect((await core.users.list(acme, { text: "\"' or 1=1 --" }, {})).items).toEqual([]);
  });

  it("imports a batch: reports bad, duplicate and existing rows by number and creates the rest together", async () => {
    await core.users.create(acme, { email: "already@import.example" });
    const results = await core.users.importBatch(
      acme,
      [
        { email: "new1@import.example" },
        { email: "not-an-email" },
        { email: "already@import.example" },
        { email: "NEW1@import.example" },
        { email: "new2@import.example", displayName: "x".repeat(201) },
        { email: "new3@import.example" },
      ],
      2,
    );
    expect(results.map((r) => [r.row, r.status, r.code])).toEqual([
      [2, "created", undefined],
      [3, "failed", "invalid_user"],
      [4, "failed", "user_exists"],
      [5, "failed", "duplicate_in_file"],
      [6, "failed", "invalid_user"],
      [7, "created", undefined],
    ]);
    expect((await core.users.list(acme, { text: "import.example" }, {})).items.map((u) => u.email)).toEqual([
      "already@import.example",
      "new1@import.example",
      "new3@import.example",
    ]);
  });

  it("resolves nested group membership once per user, even through a loop", async () => {
    const [a, b, c] = await Promise.all(
      ["Nest A", "Nest B", "Nest C"].map((name) => core.groups.create(acme, { name })),
    );
    const u1 = await core.users.create(acme, { email: "u1@nest.example" });
    const u2 = await core.users.create(acme, { email: "u2@nest.example" });
    await core.groups.addMember(acme, a!.id, { type: "group", id: b!.id });
    await core.groups.addMember(acme, b!.id, { type: "group", id: c!.id });
    await core.groups.addMember(acme, c!.id, { type: "user", id: u1.id });
    await core.groups.addMember(acme, b!.id, { type: "user", id: u1.id });
    await core.groups.addMember(acme, a!.id, { type: "user", id: u2.id });
    await expect(core.groups.addMember(acme, c!.id, { type: "group", id: a!.id })).rejects.toMatchObject({
      code: "group_cycle",
    });
    await expect(core.groups.addMember(acme, a!.id, { type: "group", id: a!.id })).rejects.toMatchObject({
      code: "group_cycle",
    });
    const effective = await core.groups.listEffectiveUsers(acme, a!.id, {});
    expect(effective.items.map((u) => u.email)).toEqual(["u1@nest.example", "u2@nest.example"]);
    expect((await core.groups.groupsOfUser(acme, u1.id)).map((g) => g.name)).toEqual([
      "Nest A",
      "Nest B",
      "Nest C",
    ]);
    // A loop that got into the data anyway (say, from a directory sync) still resolves.
    await store.forTenant(DEFAULT_TENANT_ID).groups.addMember(c!.id, { type: "group", id: a!.id }, now);
    expect((await core.groups.listEffectiveUsers(acme, b!.id, {})).items.map((u) => u.email)).toEqual([
      "u1@nest.example",
      "u2@nest.example",
    ]);
    expect((await core.groups.groupsOfUser(acme, u2.id)).map((g) => g.name)).toEqual([
      "Nest A",
      "Nest B",
      "Nest C",
    ]);
    const nest = (await core.groups.tree(acme))
      .filter((g) => g.name.startsWith("Nest "))
      .map((g) => [g.name, g.childGroupIds]);
    expect(nest).toEqual([
      ["Nest A", [b!.id]],
      ["Nest B", [c!.id]],
      ["Nest C", [a!.id]],
    ]);
    const members = await core.groups.listMembers(acme, b!.id, {});
    expect(members.items.map((m) => [m.type, m.label])).toEqual([
      ["group", "Nest C"],
      ["user", "u1@nest.example"],
    ]);
    await core.groups.delete(acme, c!.id);
    expect((await core.groups.listMembers(acme, b!.id, {})).items.map((m) => m.label)).toEqual([
      "u1@nest.example",
    ]);
    const afterDelete = (await core.groups.tree(acme)).filter((g) => g.name.startsWith("Nest "));
    expect(afterDelete.map((g) => [g.name, g.childGroupIds])).toEqual([
      ["Nest A", [b!.id]],
      ["Nest B", []],
    ]);
  });

  it("picks the devices of a group's users, through nested groups and loops, within the tenant", async () => {
    const [outer, inner] = await Promise.all(
      ["Devices outer", "Devices inner"].map((name) => core.groups.create(acme, { name })),
    );
    const [direct, nested, outsider] = await Promise.all(
      ["direct", "nested", "outsider"].map((who) =>
        core.users.create(acme, { email: `${who}@group-devices.example` }),
      ),
    );
    await core.groups.addMember(acme, outer!.id, { type: "user", id: direct!.id });
    await core.groups.addMember(acme, outer!.id, { type: "group", id: inner!.id });
    await core.groups.addMember(acme, inner!.id, { type: "user", id: nested!.id });
    // A loop from a directory sync must not stop the walk.
    await store
      .forTenant(DEFAULT_TENANT_ID)
      .groups.addMember(inner!.id, { type: "group", id: outer!.id }, now);
    const owned = (owner: string, platform: "ios" | "android", i: number) =>
      newDeviceRecord(DEFAULT_TENANT_ID, { platform, name: `group-device-${i}`, ownerUserId: owner }, now);
    await store
      .forTenant(DEFAULT_TENANT_ID)
      .devices.insertMany([
        owned(direct!.id, "ios", 1),
        owned(nested!.id, "ios", 2),
        owned(nested!.id, "android", 3),
        owned(outsider!.id, "ios", 4),
      ]);
    const names = async (query: Parameters<typeof core.devices.list>[1]) =>
      (await core.devices.list(acme, query, {})).items.map((d) => d.name).sort();
    expect(await names({ groupId: outer!.id })).toEqual([
      "group-device-1",
      "group-device-2",
      "group-device-3",
    ]);
    expect(await names({ groupId: inner!.id, platform: "ios" })).toEqual([
      "group-device-1",
      "group-device-2",
    ]);
    const sent = await core.commands.sendToMany(acme, {
      type: "request_inventory",
      filter: { groupId: outer!.id, platform: "ios" },
    });
    expect(sent.queued).toBe(2);
    await expect(core.devices.list(globex, { groupId: outer!.id }, {})).rejects.toMatchObject({
      kind: "not_found",
    });
    await expect(
      core.commands.sendToMany(globex, { type: "lock", filter: { groupId: outer!.id } }),
    ).rejects.toMatchObject({ kind: "not_found" });
  });

  it("filters, sorts and pages devices", async () => {
    const owner = await core.users.create(acme, { email: "fleet@devices.example" });
    const tenant = store.forTenant(DEFAULT_TENANT_ID);
    const platforms = ["ios", "android", "windows", "macos"] as const;
    const records = Array.from({ length: 80 }, (_, i) => {
      const record = newDeviceRecord(
        DEFAULT_TENANT_ID,
        {
          platform: platforms[i % 4]!,
          name: `fleet-${String(i).padStart(2, "0")}`,
          osVersion: i % 3 === 0 ? "17.4.1" : i % 3 === 1 ? "17" : "170.1",
          serialNumber: `SN${1000 + i}`,
          ownerUserId: i < 10 ? owner.id : undefined,
          state: i % 5 === 0 ? "inactive" : "active",
        },
        now + i,
      );
      return { ...record, lastSeenAt: now - i * 1000 };
    });
    await tenant.devices.insertMany(records);
    const ios = await core.devices.list(acme, { platform: "ios", text: "fleet" }, { limit: 100 });
    expect(ios.items).toHaveLength(20);
    expect(ios.items.every((d) => d.platform === "ios")).toBe(true);
    const os17 = await core.devices.list(acme, { osVersion: "17", text: "fleet" }, { limit: 100 });
    expect(os17.items.every((d) => d.osVersion === "17" || d.osVersion!.startsWith("17."))).toBe(true);
    expect(os17.items).toHaveLength(54);
    expect((await core.devices.list(acme, { ownerUserId: owner.id }, {})).items).toHaveLength(10);
    expect((await core.devices.list(acme, { text: "sn1042" }, {})).items.map((d) => d.name)).toEqual([
      "fleet-42",
    ]);
    const bySeen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await core.devices.list(
        acme,
        { text: "fleet", sort: "lastSeenAt", descending: true, state: "active" },
        { limit: 7, ...(cursor ? { cursor } : {}) },
      );
      bySeen.push(...page.items.map((d) => d.name));
      cursor = page.nextCursor;
    } while (cursor);
    expect(bySeen).toEqual(records.filter((r) => r.state === "active").map((r) => r.name));
    const nameCursor = (await core.devices.list(acme, {}, { limit: 1 })).nextCursor!;
    await expect(
      core.devices.list(acme, { sort: "lastSeenAt" }, { cursor: nameCursor }),
    ).rejects.toMatchObject({ code: "invalid_cursor" });
    const summary = await core.devices.summary(acme);
    expect(summary.byPlatform.ios).toBeGreaterThanOrEqual(20);
    expect(await tenant.devices.countManagedForUser(owner.id)).toBe(10);
  });

  it("keeps one current activation per user, counts tries until they succeed, and locks after five failures", async () => {
    const issueNothing = async (): Promise<never> => {
      throw new Error("no certificate should be issued");
    };
    const user = await core.users.create(acme, { email: "activate@example.com" });
    const { password, activation } = await core.activations.create(acme, user.id, {
      lifetimeMs: 3600_000,
      deviceLimit: 2,
    });
    expect(activation.maxUses).toBe(1);
    const stored = await store.forTenant(DEFAULT_TENANT_ID).activations.getRecord(activation.id);
    expect(stored!.verifier).not.toContain(password);
    expect(stored!.verifier).not.toContain("stand-in");

    const attempt = await core.activations.beginAttempt(DEFAULT_TENANT_ID, " ACTIVATE@example.com", "ios");
    expect(attempt).toMatchObject({
      activation: { id: activation.id, failedAttempts: 0 },
      user: { id: user.id },
      verifier: `stand-in:${nodeCrypto.sha256(password)}`,
    });
    const device = await core.activations.completeAttempt(
      DEFAULT_TENANT_ID,
      activation.id,
      { platform: "ios", model: "iPhone15,2" },
      async () => ({ serialNumber: "0a1b2c", notAfter: now + 86_400_000 }),
    );
    expect(device).toMatchObject({ ownerUserId: user.id, platform: "ios", state: "active" });
    expect((await core.devices.identify(DEFAULT_TENANT_ID, "0a1b2c")).id).toBe(device.id);
    await expect(core.devices.identify(DEFAULT_TENANT_ID, "ffff")).rejects.toMatchObject({
      code: "unknown_certificate",
    });
    await expect(
      core.devices.identify("00000000-0000-7000-8000-0000000000a2", "0a1b2c"),
    ).rejects.toMatchObject({ code: "unknown_certificate" });
    expect(await store.forTenant(DEFAULT_TENANT_ID).activations.get(activation.id)).toMatchObject({
      useCount: 1,
      failedAttempts: 0,
    });
    await expect(
      core.activations.beginAttempt(DEFAULT_TENANT_ID, "activate@example.com", "ios"),
    ).rejects.toMatchObject({ reason: "used" });
    await expect(
      core.activations.completeAttempt(DEFAULT_TENANT_ID, activation.id, { platform: "ios" }, issueNothing),
    ).rejects.toMatchObject({ reason: "used" });

    const second = await core.activations.create(acme, user.id, {
      singleUse: false,
      lifetimeMs: 60_000,
      platforms: ["android"],
    });
    await expect(
      core.activations.beginAttempt(DEFAULT_TENANT_ID, "activate@example.com", "ios"),
    ).rejects.toMatchObject({ reason: "platform_not_allowed" });
    // Tries are counted by the exchange layer when they do not succeed; the fifth locks.
    for (let i = 1; i <= 4; i++) {
      await core.activations.beginAttempt(DEFAULT_TENANT_ID, "activate@example.com", "android");
      expect(await core.activations.recordFailure(DEFAULT_TENANT_ID, second.activation.id)).toBe(5 - i);
    }
    await core.activations.beginAttempt(DEFAULT_TENANT_ID, "activate@example.com", "android");
    expect(await core.activations.recordFailure(DEFAULT_TENANT_ID, second.activation.id)).toBe(0);
    await expect(
      core.activations.beginAttempt(DEFAULT_TENANT_ID, "activate@example.com", "android"),
    ).rejects.toMatchObject({ reason: "locked" });
    await expect(
      core.activations.completeAttempt(
        DEFAULT_TENANT_ID,
        second.activation.id,
        { platform: "android" },
        issueNothing,
      ),
    ).rejects.toMatchObject({ reason: "locked" });

    // A new activation replaces a usable one; the user's device count is checked before any try.
    const third = await core.activations.create(acme, user.id, { lifetimeMs: 60_000, deviceLimit: 1 });
    await expect(
      core.activations.beginAttempt(DEFAULT_TENANT_ID, "activate@example.com", "android"),
    ).rejects.toMatchObject({ reason: "device_limit" });
    const fourth = await core.activations.create(acme, user.id, { lifetimeMs: 60_000, deviceLimit: 3 });
    const statuses = Object.fromEntries(
      (await core.activations.listForUser(acme, user.id)).map((a) => [a.id, a.status]),
    );
    expect(statuses).toEqual({
      [activation.id]: "used",
      [second.activation.id]: "locked",
      [third.activation.id]: "revoked",
      [fourth.activation.id]: "active",
    });
    expect(
      (await core.activations.beginAttempt(DEFAULT_TENANT_ID, "activate@example.com", "android")).activation
        .id,
    ).toBe(fourth.activation.id);
    // A certificate that cannot be issued undoes the whole activation.
    const devicesBefore = await store.forTenant(DEFAULT_TENANT_ID).devices.countForUser(user.id);
    await expect(
      core.activations.completeAttempt(
        DEFAULT_TENANT_ID,
        fourth.activation.id,
        { platform: "android" },
        async () => {
          throw new Error("bad CSR");
        },
      ),
    ).rejects.toThrow("bad CSR");
    expect(await store.forTenant(DEFAULT_TENANT_ID).devices.countForUser(user.id)).toBe(devicesBefore);
    expect(await store.forTenant(DEFAULT_TENANT_ID).activations.get(fourth.activation.id)).toMatchObject({
      useCount: 0,
    });
    // Forgetting the device revokes its certificate.
    await core.devices.delete(acme, device.id);
    await expect(core.devices.identify(DEFAULT_TENANT_ID, "0a1b2c")).rejects.toMatchObject({
      code: "certificate_revoked",
    });
    now += 61_000;
    await expect(
      core.activations.beginAttempt(DEFAULT_TENANT_ID, "activate@example.com", "android"),
    ).rejects.toMatchObject({ reason: "expired" });
    await expect(
      core.activations.beginAttempt(DEFAULT_TENANT_ID, "nobody@example.com", "android"),
    ).rejects.toMatchObject({ reason: "no_activation" });
    await expect(core.activations.create(acme, user.id, { lifetimeMs: 59_000 })).rejects.toMatchObject({
      code: "invalid_activation",
    });
    await expect(
      core.activations.create(acme, user.id, { lifetimeMs: 31 * 86_400_000 }),
    ).rejects.toMatchObject({ code: "invalid_activation" });
  });

  it("filters the audit log by actor, action family and time, newest first", async () => {
    const actor: Actor = { ...acme, id: "auditor-1", label: "auditor@example.com", type: "administrator" };
    const start = now;
    await core.groups.create(actor, { name: "Audited 1" });
    now += 1000;
    await core.groups.create(actor, { name: "Audited 2" });
    const byActor = await core.audit.list(acme, { actorId: "auditor-1" }, {});
    expect(byActor.items.map((e) => e.targetLabel)).toEqual(["Audited 2", "Audited 1"]);
    expect((await core.audit.list(acme, { actorId: "auditor-1", action: "group" }, {})).items).toHaveLength(
      2,
    );
    expect(
      (await core.audit.list(acme, { actorId: "auditor-1", action: "group.delete" }, {})).items,
    ).toHaveLength(0);
    expect((await core.audit.list(acme, { actorId: "auditor-1", from: start + 500 }, {})).items).toHaveLength(
      1,
    );
    const first = await core.audit.list(acme, { actorId: "auditor-1" }, { limit: 1 });
    const second = await core.audit.list(
      acme,
      { actorId: "auditor-1" },
      { limit: 1, cursor: first.nextCursor! },
    );
    expect(second.items[0]!.targetLabel).toBe("Audited 1");
    expect(second.nextCursor).toBeUndefined();
  });

  it("keeps administrators, roles, sessions and API tokens per tenant", async () => {
    const helpDesk = await core.administrators.create(acme, {
      email: "hd@acme.example",
      password: "a long password 1",
      roleId: HELP_DESK,
    });
    const login = await core.auth.login({ email: "hd@acme.example", password: "a long password 1" });
    const actor = await core.auth.authenticate(login.token);
    expect(actor.tenantId).toBe(DEFAULT_TENANT_ID);
    expect(actor.permissions.has("devices:command")).toBe(true);
    expect(actor.permissions.has("users:write")).toBe(false);
    await expect(
      core.auth.login({ email: "hd@acme.example", password: "wrong password!" }),
    ).rejects.toMatchObject({ code: "invalid_credentials" });
    const role = await core.roles.create(acme, { name: "Auditors", permissions: ["audit:read"] });
    await core.administrators.update(acme, helpDesk.id, { roleId: role.id });
    // Changing the role ends the sessions opened under the old one.
    await expect(core.auth.authenticate(login.token)).rejects.toMatchObject({ kind: "unauthenticated" });
    await expect(core.roles.delete(acme, role.id)).rejects.toMatchObject({ code: "role_in_use" });
    expect((await core.roles.list(globex)).some((r) => r.id === role.id)).toBe(false);
    const { token } = await core.auth.createApiToken(
      { ...actor, type: "administrator" },
      { name: "automation" },
    );
    const tokenActor = await core.auth.authenticate(token);
    expect(tokenActor.permissions.has("audit:read")).toBe(true);
    expect(tokenActor.type).toBe("api_token");
    await core.auth.revokeApiToken(acme, tokenActor.id);
    await expect(core.auth.authenticate(token)).rejects.toMatchObject({ code: "invalid_token" });
    expect(await core.auth.listApiTokens(globex)).toEqual([]);
    expect((await core.administrators.list(acme, {})).items.map((a) => a.email)).toContain("hd@acme.example");
    expect((await core.administrators.list(globex, {})).items).toEqual([]);
    expect(SECURITY_ADMINISTRATOR).toBe("security-administrator");
  });

  it("rolls a failed transaction back completely", async () => {
    await expect(
      store.transaction(async (tx) => {
        await tx.forTenant(DEFAULT_TENANT_ID).users.insert({
          id: "01900000-0000-7000-8000-00000000dead",
          tenantId: DEFAULT_TENANT_ID,
          email: "rollback@example.com",
          displayName: "r",
          givenName: null,
          familyName: null,
          source: "local",
          externalId: null,
          searchText: "rollback@example.com",
          createdAt: now,
          updatedAt: now,
        });
        throw new Error("boom");
      }),
    ).rejects.toThrow("boom");
    expect(await store.forTenant(DEFAULT_TENANT_ID).users.getByEmail("rollback@example.com")).toBeUndefined();
    expect(
      (await store.forTenant(DEFAULT_TENANT_ID).users.list({ text: "rollback" }, pageRequest({}))).items,
    ).toEqual([]);
  });

  it("stores sealed secrets, never their plaintext", async () => {
    await core.secrets.set(DEFAULT_TENANT_ID, "directory.bindPassword", "hunter2-but-longer");
    const raw = await store.forTenant(DEFAULT_TENANT_ID).settings.get("directory.bindPassword");
    expect(raw).not.toContain("hunter2");
    expect(await core.secrets.get(DEFAULT_TENANT_ID, "directory.bindPassword")).toBe("hunter2-but-longer");
    expect(await core.secrets.setIfAbsent(DEFAULT_TENANT_ID, "directory.bindPassword", "another")).toBe(
      "hunter2-but-longer",
    );
    expect(await core.secrets.setIfAbsent(DEFAULT_TENANT_ID, "pki.ca", "first")).toBe("first");
  });
});
