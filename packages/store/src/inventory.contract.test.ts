import { ALL_PERMISSIONS, DEFAULT_TENANT_ID, createCore, systemActor, type Core } from "@meridian/core";
import { createSecretBox, nodeCrypto } from "@meridian/crypto";
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { storeBackends } from "./testing/backends.js";

const report = (apps: string[], version = "14") => ({
  collectedAt: Date.UTC(2026, 10, 1),
  hardware: {
    manufacturer: "Google",
    model: "Pixel 8",
    serialNumber: "35121FDH2000AB",
    imei: "356938035643809",
    wifiMac: null,
    totalStorageBytes: 128e9,
    freeStorageBytes: 64e9,
    batteryLevel: 0.8,
  },
  os: { version, buildId: "AP2A.240805.005", securityPatchLevel: "2024-08-05" },
  security: {
    encrypted: true,
    passcodeSet: true,
    compromised: false,
    developerOptionsEnabled: false,
    unknownSourcesAllowed: null,
  },
  apps: apps.map((packageName) => ({
    packageName,
    name: packageName.split(".").at(-1)!,
    version: "1.0",
    installSource: "store",
    managed: packageName.startsWith("com.corp"),
  })),
});

describe.each(storeBackends)("device inventory on $name", (backend) => {
  let env: Awaited<ReturnType<typeof backend.open>>;
  let core: Core;
  const admin = systemActor(DEFAULT_TENANT_ID, "admin", ALL_PERMISSIONS);

  beforeAll(async () => {
    env = await backend.open();
    core = createCore({
      store: env.store,
      crypto: nodeCrypto,
      secretBox: createSecretBox(randomBytes(32)),
      clock: { now: () => Date.UTC(2026, 10, 2) },
    });
    await core.tenants.ensureDefaultTenant(false);
  });
  afterAll(async () => env?.dispose());

  it("stores the latest report and brings the device's own fields up to date", async () => {
    const device = await core.devices.register(admin, {
      platform: "android",
      name: "New phone",
      state: "enrolling",
    });
    expect(await core.devices.inventory(admin, device.id)).toBeNull();
    await core.devices.recordInventory(
      DEFAULT_TENANT_ID,
      device.id,
      report(["com.corp.mail", "org.example.notes"]),
    );
    await core.devices.recordInventory(
      DEFAULT_TENANT_ID,
      device.id,
      report(["com.corp.mail", "com.corp.chat"], "15"),
    );
    const inventory = await core.devices.inventory(admin, device.id);
    expect(inventory!.os.version).toBe("15");
    expect(inventory!.apps.map((a) => [a.packageName, a.managed])).toEqual([
      ["com.corp.chat", true],
      ["com.corp.mail", true],
    ]);
    expect(inventory!.receivedAt).toBe(Date.UTC(2026, 10, 2));
    expect(await core.devices.get(admin, device.id)).toMatchObject({
      model: "Pixel 8",
      osVersion: "15",
      imei: "356938035643809",
      state: "active",
      lastSeenAt: Date.UTC(2026, 10, 2),
    });
    // The report makes the device findable by what it reported.
    expect((await core.devices.list(admin, { text: "35121fdh" }, {})).items.map((d) => d.id)).toEqual([
      device.id,
    ]);
    await core.devices.delete(admin, device.id);
    expect(await env.store.forTenant(DEFAULT_TENANT_ID).inventories.get(device.id)).toBeUndefined();
  });

  it("lists devices by their last compliance report, and counts them for the dashboard", async () => {
    const make = (name: string) => core.devices.register(admin, { platform: "android", name });
    const [good, bad, silent] = [await make("cmp-good"), await make("cmp-bad"), await make("cmp-silent")];
    await core.devices.recordCompliance(DEFAULT_TENANT_ID, good.id, {
      configurationVersion: 1,
      compliant: true,
      violations: [],
    });
    await core.devices.recordCompliance(DEFAULT_TENANT_ID, bad.id, {
      configurationVersion: 1,
      compliant: false,
      violations: [{ policy: "passcode", reason: "No passcode is set." }],
    });
    const names = async (compliance: "compliant" | "not_compliant" | "not_reported") =>
      (await core.devices.list(admin, { compliance, text: "cmp-" }, {})).items.map((d) => d.name);
    expect(await names("compliant")).toEqual(["cmp-good"]);
    expect(await names("not_compliant")).toEqual(["cmp-bad"]);
    expect(await names("not_reported")).toEqual([silent.name]);
    const summary = await core.devices.summary(admin);
    expect(summary.byCompliance).toMatchObject({ compliant: 1, notCompliant: 1 });
  });
});
