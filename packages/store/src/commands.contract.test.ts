import {
  ALL_PERMISSIONS,
  DEFAULT_TENANT_ID,
  createCore,
  systemActor,
  type Actor,
  type Core,
} from "@meridian/core";
import { createSecretBox, nodeCrypto } from "@meridian/crypto";
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { storeBackends } from "./testing/backends.js";

/** The durable command queue, on every backend. */
describe.each(storeBackends)("command queue on $name", (backend) => {
  let env: Awaited<ReturnType<typeof backend.open>>;
  let core: Core;
  let admin: Actor;
  let now = Date.UTC(2026, 10, 1);
  const notified: string[][] = [];

  const device = async (name: string, platform: "android" | "ios" = "android") =>
    (await core.devices.register(admin, { platform, name })).id;

  beforeAll(async () => {
    env = await backend.open();
    core = createCore(
      {
        store: env.store,
        crypto: nodeCrypto,
        secretBox: createSecretBox(randomBytes(32)),
        clock: { now: () => now },
      },
      {
        commandNotifier: { commandsQueued: (_tenant, ids) => void notified.push([...ids]) },
        commands: { redeliverAfterMs: 60_000, notNowRetryMs: 120_000 },
      },
    );
    await core.tenants.ensureDefaultTenant(false);
    admin = systemActor(DEFAULT_TENANT_ID, "admin@example.com", ALL_PERMISSIONS);
  });
  afterAll(async () => env?.dispose());

  it("hands out commands urgent first, then oldest first, each once, and records the answers", async () => {
    const phone = await device("queue phone");
    const inventory = await core.commands.send(admin, phone, { type: "request_inventory" });
    now += 1;
    const reboot = await core.commands.send(admin, phone, { type: "reboot" });
    now += 1;
    const lock = await core.commands.send(admin, phone, { type: "lock", payload: { message: "Call IT" } });
    expect(notified.at(-1)).toEqual([phone]);

    const first = await core.commands.next(DEFAULT_TENANT_ID, phone);
    expect(first).toMatchObject({
      id: lock.id,
      state: "delivered",
      attempts: 1,
      payload: { message: "Call IT" },
    });
    expect((await core.commands.next(DEFAULT_TENANT_ID, phone))!.id).toBe(inventory.id);
    expect((await core.commands.next(DEFAULT_TENANT_ID, phone))!.id).toBe(reboot.id);
    expect(await core.commands.next(DEFAULT_TENANT_ID, phone)).toBeUndefined();

    const done = await core.commands.report(DEFAULT_TENANT_ID, phone, lock.id, {
      status: "acknowledged",
      result: { locked: true },
    });
    expect(done).toMatchObject({ state: "acknowledged", result: { locked: true } });
    // The same answer again changes nothing.
    const again = await core.commands.report(DEFAULT_TENANT_ID, phone, lock.id, {
      status: "error",
      error: { code: "x", message: "late" },
    });
    expect(again).toMatchObject({ state: "acknowledged", error: null });
    await core.commands.report(DEFAULT_TENANT_ID, phone, inventory.id, {
      status: "error",
      error: { code: "busy", message: "Device busy" },
    });
    const history = await core.commands.history(admin, phone, {}, {});
    expect(history.items.map((c) => [c.type, c.state])).toEqual([
      ["lock", "acknowledged"],
      ["reboot", "delivered"],
      ["request_inventory", "error"],
    ]);
  });

  it("hands an unanswered command out again, and retries NotNow later", async () => {
    const phone = await device("flaky phone");
    const reboot = await core.commands.send(admin, phone, { type: "reboot" });
    expect((await core.commands.next(DEFAULT_TENANT_ID, phone))!.id).toBe(reboot.id);
    expect(await core.commands.next(DEFAULT_TENANT_ID, phone)).toBeUndefined();
    now += 60_000;
    expect(await core.commands.next(DEFAULT_TENANT_ID, phone)).toMatchObject({ id: reboot.id, attempts: 2 });
    await core.commands.report(DEFAULT_TENANT_ID, phone, reboot.id, { status: "not_now" });
    expect(await core.commands.next(DEFAULT_TENANT_ID, phone)).toBeUndefined();
    now += 120_000;
    expect(await core.commands.next(DEFAULT_TENANT_ID, phone)).toMatchObject({ id: reboot.id, attempts: 3 });
    await core.commands.report(DEFAULT_TENANT_ID, phone, reboot.id, { status: "acknowledged" });
    expect((await core.commands.get(admin, reboot.id)).state).toBe("acknowledged");
  });

  it("expires what nobody answered, cancels what is still waiting, and keeps a late answer", async () => {
    const phone = await device("sleeping phone");
    const old = await core.commands.send(admin, phone, { type: "request_inventory", expiresInMinutes: 1 });
    const waiting = await core.commands.send(admin, phone, { type: "reboot" });
    const delivered = await core.commands.send(admin, phone, { type: "lock", expiresInMinutes: 2 });
    expect((await core.commands.next(DEFAULT_TENANT_ID, phone))!.id).toBe(delivered.id);
    expect((await core.commands.cancel(admin, waiting.id)).state).toBe("cancelled");
    await expect(core.commands.cancel(admin, delivered.id)).rejects.toMatchObject({
      code: "command_not_cancellable",
    });
    now += 3 * 60_000;
    expect(await core.commands.next(DEFAULT_TENANT_ID, phone)).toBeUndefined();
    expect((await core.commands.get(admin, old.id)).state).toBe("expired");
    expect((await core.commands.get(admin, delivered.id)).state).toBe("expired");
    // The device did lock, just late: the record says so.
    await core.commands.report(DEFAULT_TENANT_ID, phone, delivered.id, { status: "acknowledged" });
    expect((await core.commands.get(admin, delivered.id)).state).toBe("acknowledged");
    await expect(
      core.commands.report(DEFAULT_TENANT_ID, phone, waiting.id, { status: "acknowledged" }),
    ).resolves.toMatchObject({ state: "cancelled" });
  });

  it("sends one command to many devices in one call, by id or by filter, skipping wiped devices", async () => {
    const ids = await Promise.all(
      Array.from({ length: 30 }, (_, i) => device(`bulk-${i}`, i % 3 === 0 ? "ios" : "android")),
    );
    const wiped = ids[1]!;
    const wipe = await core.commands.send(admin, wiped, { type: "wipe" });
    await core.commands.next(DEFAULT_TENANT_ID, wiped);
    await core.commands.report(DEFAULT_TENANT_ID, wiped, wipe.id, { status: "acknowledged" });
    expect((await core.devices.get(admin, wiped)).state).toBe("wiped");
    await expect(core.commands.send(admin, wiped, { type: "lock" })).rejects.toMatchObject({
      code: "device_not_managed",
    });

    const byId = await core.commands.sendToMany(admin, {
      type: "lock",
      deviceIds: [...ids, ids[0]!, "01900000-0000-7000-8000-000000000000"],
    });
    expect(byId.queued).toBe(29);
    const byFilter = await core.commands.sendToMany(admin, {
      type: "request_inventory",
      filter: { platform: "ios", text: "BULK-" },
    });
    expect(byFilter.queued).toBe(10);
    expect(notified.at(-1)).toHaveLength(10);
    const first = await core.commands.next(DEFAULT_TENANT_ID, ids[0]!);
    expect(first).toMatchObject({ type: "lock", batchId: byId.batchId });
    // A bulk send's commands are written set-based: each still has its own valid, time-ordered UUID.
    const single = await core.commands.send(admin, ids[0]!, { type: "reboot" });
    const history = await Promise.all(
      ids.slice(2).map(async (id) => (await core.commands.history(admin, id, {}, {})).items),
    );
    const bulkIds = history
      .flat()
      .filter((c) => c.batchId === byId.batchId)
      .map((c) => c.id);
    expect(bulkIds).toHaveLength(28);
    expect(new Set(bulkIds).size).toBe(28);
    for (const id of bulkIds)
      expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(bulkIds.every((id) => id > wipe.id && id < single.id)).toBe(true);
    await core.commands.cancel(admin, single.id);
    await core.commands.report(DEFAULT_TENANT_ID, ids[0]!, first!.id, { status: "acknowledged" });
    expect(await core.commands.batchProgress(admin, byId.batchId)).toEqual({
      batchId: byId.batchId,
      total: 29,
      states: { acknowledged: 1, pending: 28 },
    });
    await expect(
      core.commands.batchProgress(admin, "01900000-0000-7000-8000-000000000000"),
    ).rejects.toMatchObject({
      code: "command_batch_not_found",
    });
    const audit = await core.audit.list(admin, { action: "command.send_bulk" }, {});
    expect(audit.items[0]!.details).toMatchObject({ devices: 10, command: "request_inventory" });
    await expect(core.commands.sendToMany(admin, { type: "lock" })).rejects.toMatchObject({
      code: "invalid_target",
    });
  });

  it("refuses a bad payload, and answers about another device's command", async () => {
    const phone = await device("strict phone");
    const other = await device("other phone");
    await expect(
      core.commands.send(admin, phone, { type: "lock", payload: { colour: "red" } }),
    ).rejects.toMatchObject({ code: "invalid_command" });
    await expect(
      core.commands.send(admin, phone, { type: "install_app", payload: {} }),
    ).rejects.toMatchObject({ code: "invalid_command" });
    await expect(
      core.commands.send(admin, phone, {
        type: "install_app",
        payload: { packageName: "com.example.app", downloadUrl: "http://insecure" },
      }),
    ).rejects.toMatchObject({ code: "invalid_command" });
    const command = await core.commands.send(admin, phone, {
      type: "install_app",
      payload: { packageName: "com.example.app" },
    });
    await core.commands.next(DEFAULT_TENANT_ID, phone);
    await expect(
      core.commands.report(DEFAULT_TENANT_ID, other, command.id, { status: "acknowledged" }),
    ).rejects.toMatchObject({ code: "command_not_found" });
    expect((await core.commands.get(admin, command.id)).state).toBe("delivered");
    // Forgetting a device forgets its commands.
    await core.devices.delete(admin, phone);
    await expect(core.commands.get(admin, command.id)).rejects.toMatchObject({ kind: "not_found" });
  });
});
