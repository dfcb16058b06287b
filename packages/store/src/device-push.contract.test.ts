import {
  ALL_PERMISSIONS,
  DEFAULT_TENANT_ID,
  DeviceWaker,
  WAKER_DEFAULTS,
  createCore,
  systemActor,
  type Actor,
  type Core,
  type CoreDeps,
  type WakeRequest,
  type WakeResult,
} from "@meridian/core";
import { createSecretBox, nodeCrypto } from "@meridian/crypto";
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { storeBackends } from "./testing/backends.js";

/** Waking devices by push when commands are queued for them, on every backend. */
describe.each(storeBackends)("device wake-ups on $name", (backend) => {
  let env: Awaited<ReturnType<typeof backend.open>>;
  let core: Core;
  let waker: DeviceWaker;
  let admin: Actor;
  let now = Date.UTC(2026, 10, 1);
  const sent: WakeRequest[][] = [];
  /** Tokens the fake push service has forgotten. */
  const forgotten = new Set<string>();
  let gatewayDown = false;

  const sender = {
    async wake(requests: WakeRequest[]): Promise<WakeResult[]> {
      if (gatewayDown) throw new Error("relay unreachable");
      sent.push(requests);
      return requests.map((r) =>
        forgotten.has(r.token)
          ? { status: "token_invalid", reason: "UNREGISTERED" }
          : { status: "delivered" },
      );
    },
  };
  const device = async (name: string, token?: string) => {
    const id = (await core.devices.register(admin, { platform: "android", name })).id;
    if (token) await core.push.register(DEFAULT_TENANT_ID, id, { service: "fcm", token });
    return id;
  };
  const woken = () => sent.flat().map((r) => r.token);

  beforeAll(async () => {
    env = await backend.open();
    const deps: CoreDeps = {
      store: env.store,
      crypto: nodeCrypto,
      secretBox: createSecretBox(randomBytes(32)),
      clock: { now: () => now },
    };
    waker = new DeviceWaker(deps, () => sender, { ...WAKER_DEFAULTS, flushIntervalMs: 10_000, batchSize: 7 });
    core = createCore(deps, { commandNotifier: waker });
    await core.tenants.ensureDefaultTenant(false);
    admin = systemActor(DEFAULT_TENANT_ID, "admin@example.com", ALL_PERMISSIONS);
  });
  beforeEach(() => {
    sent.length = 0;
    gatewayDown = false;
  });
  afterAll(async () => {
    await waker?.stop();
    await env?.dispose();
  });

  it("wakes each device once however many commands reach it together, in batches", async () => {
    const phone = await device("busy phone", "tok-busy");
    const silent = await device("no token phone");
    await core.commands.send(admin, phone, { type: "request_inventory" });
    await core.commands.send(admin, phone, { type: "lock" });
    await core.commands.send(admin, silent, { type: "lock" });
    const fleet = await Promise.all(
      Array.from({ length: 20 }, (_, i) => device(`fleet-${i}`, `tok-fleet-${i}`)),
    );
    await core.commands.sendToMany(admin, { type: "reboot", deviceIds: [...fleet, phone] });
    await waker.flush();
    expect(woken().sort()).toEqual(["tok-busy", ...fleet.map((_, i) => `tok-fleet-${i}`)].sort());
    expect(Math.max(...sent.map((batch) => batch.length))).toBeLessThanOrEqual(7);
    expect(sent.flat().every((r) => Object.keys(r).sort().join() === "service,token")).toBe(true);
    expect((await core.push.forDevice(admin, phone))!.lastPushedAt).toBe(now);
  });

  it("marks a token the service forgot, stops pushing to it, and takes the device's next one", async () => {
    const phone = await device("uninstalled app", "tok-gone");
    forgotten.add("tok-gone");
    await core.commands.send(admin, phone, { type: "lock" });
    await waker.flush();
    expect(await core.push.forDevice(admin, phone)).toMatchObject({
      invalidReason: "UNREGISTERED",
      invalidAt: now,
    });
    sent.length = 0;
    await core.commands.send(admin, phone, { type: "reboot" });
    await waker.flush();
    expect(woken()).toEqual([]);

    await core.push.register(DEFAULT_TENANT_ID, phone, { service: "fcm", token: "tok-new" });
    expect(await core.push.forDevice(admin, phone)).toMatchObject({ token: "tok-new", invalidAt: null });
    await core.commands.send(admin, phone, { type: "reboot" });
    await waker.flush();
    expect(woken()).toEqual(["tok-new"]);
  });

  it("pushes again, with growing gaps, to devices whose commands stay undelivered", async () => {
    const phone = await device("off phone", "tok-off");
    await core.commands.send(admin, phone, { type: "lock" });
    await waker.flush();
    sent.length = 0;
    const sweepOnce = async () => {
      await waker.sweep();
      await waker.flush();
      return woken().filter((t) => t === "tok-off").length;
    };
    expect(await sweepOnce()).toBe(0); // not waiting long enough yet
    now += WAKER_DEFAULTS.sweepAfterMs + 1;
    expect(await sweepOnce()).toBe(1);
    now += 1_000;
    expect(await sweepOnce()).toBe(1); // backing off
    now += WAKER_DEFAULTS.sweepAfterMs * 2;
    expect(await sweepOnce()).toBe(2);
    // Once the device has fetched its command, the sweep leaves it alone.
    while (await core.commands.next(DEFAULT_TENANT_ID, phone)) {
      /* drain */
    }
    const answered = await core.commands.history(admin, phone, {}, {});
    for (const c of answered.items)
      if (c.state === "delivered")
        await core.commands.report(DEFAULT_TENANT_ID, phone, c.id, { status: "acknowledged" });
    now += WAKER_DEFAULTS.sweepMaxBackoffMs;
    expect(await sweepOnce()).toBe(2);
  });

  it("keeps wake-ups the gateway could not take for the sweep, and refuses bad registrations", async () => {
    const phone = await device("relay down", "tok-later");
    gatewayDown = true;
    await core.commands.send(admin, phone, { type: "lock" });
    await waker.flush();
    expect(woken()).toEqual([]);
    await expect(
      core.push.register(DEFAULT_TENANT_ID, phone, { service: "carrier-pigeon", token: "x" }),
    ).rejects.toMatchObject({ code: "invalid_push_service" });
    await expect(
      core.push.register(DEFAULT_TENANT_ID, phone, { service: "fcm", token: " " }),
    ).rejects.toMatchObject({
      code: "invalid_push_token",
    });
    expect((await core.push.forDevice(admin, phone))!.token).toBe("tok-later");
  });

  it("names a tenant's scope on its APNs wake-ups, so the relay uses the tenant's own certificate", async () => {
    const other = await core.tenants.create(admin, {
      slug: "second-org",
      name: "Second organisation",
      adminEmail: "admin@second.example",
      adminPassword: "a long enough admin password",
    });
    const otherAdmin = systemActor(other.id, "admin@second.example", ALL_PERMISSIONS);
    const inTenant = async (actor: Actor, name: string, service: "apns" | "fcm", token: string) => {
      const id = (await core.devices.register(actor, { platform: "ios", name })).id;
      await core.push.register(actor.tenantId, id, { service, token, pushMagic: "magic" });
      await core.commands.send(actor, id, { type: "lock" });
    };
    await inTenant(otherAdmin, "their iPad", "apns", "tok-their-ipad");
    await inTenant(otherAdmin, "their Android", "fcm", "tok-their-android");
    await inTenant(admin, "our iPad", "apns", "tok-our-ipad");
    await waker.flush();
    const byToken = new Map(sent.flat().map((r) => [r.token, r]));
    expect(byToken.get("tok-their-ipad")).toMatchObject({ service: "apns", scope: other.id });
    // FCM serves the whole server, and the default tenant's certificate is the server's: no scope.
    expect(byToken.get("tok-their-android")!.scope).toBeUndefined();
    expect(byToken.get("tok-our-ipad")!.scope).toBeUndefined();
  });
});
