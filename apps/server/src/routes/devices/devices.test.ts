import { ALL_PERMISSIONS, DEFAULT_TENANT_ID, newDeviceRecord, systemActor } from "@meridian/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type TestServer } from "../../testing/test-server.js";

interface DeviceBody {
  id: string;
  name: string;
  platform: string;
  osVersion: string;
  ownerUserId: string | null;
  state: string;
}

describe("devices API", () => {
  let server: TestServer;
  let token: string;
  let ownerId: string;

  beforeAll(async () => {
    server = await startTestServer();
    token = await server.login();
    const owner = await server.core.users.create(systemActor(DEFAULT_TENANT_ID, "test", ALL_PERMISSIONS), {
      email: "fleet.owner@example.com",
    });
    ownerId = owner.id;
    const now = Date.now();
    const fleet = [
      {
        platform: "ios",
        name: "Ann's iPhone",
        osVersion: "17.4.1",
        serialNumber: "F2LXK1",
        state: "active",
        ownerUserId: owner.id,
      },
      { platform: "ios", name: "Lobby iPad", osVersion: "16.7", serialNumber: "DMPX22", state: "inactive" },
      {
        platform: "android",
        name: "Pixel 8",
        osVersion: "14",
        imei: "356938035643809",
        state: "active",
        ownerUserId: owner.id,
      },
      {
        platform: "windows",
        name: "FIN-LT-042",
        osVersion: "10.0.22631",
        serialNumber: "5CG1234XYZ",
        state: "active",
      },
      { platform: "macos", name: "Design Mac", osVersion: "14.4", serialNumber: "C02ZQ1", state: "lost" },
    ] as const;
    await server.store
      .forTenant(DEFAULT_TENANT_ID)
      .devices.insertMany(fleet.map((d, i) => newDeviceRecord(DEFAULT_TENANT_ID, d, now - i * 60_000)));
  });
  afterAll(async () => server.close());

  const list = async (query: string) => {
    const response = await server.call("GET", `/api/v1/devices${query}`, { token });
    expect(response.statusCode, response.body).toBe(200);
    return response.json<{ items: DeviceBody[] }>().items.map((d) => d.name);
  };

  it("filters by platform, OS version, state, owner and text", async () => {
    expect(await list("?platform=ios")).toEqual(["Ann's iPhone", "Lobby iPad"]);
    expect(await list("?osVersion=14")).toEqual(["Design Mac", "Pixel 8"]);
    expect(await list("?osVersion=17.4")).toEqual(["Ann's iPhone"]);
    expect(await list("?state=lost")).toEqual(["Design Mac"]);
    expect(await list(`?owner=${ownerId}`)).toEqual(["Ann's iPhone", "Pixel 8"]);
    expect(await list("?q=3569380")).toEqual(["Pixel 8"]);
    expect(await list("?q=5cg12")).toEqual(["FIN-LT-042"]);
    expect(await list("?platform=ios&state=active&q=iphone")).toEqual(["Ann's iPhone"]);
  });

  it("sorts by last contact, newest first", async () => {
    expect(await list("?sort=lastSeenAt&order=desc")).toEqual([
      "Ann's iPhone",
      "Lobby iPad",
      "Pixel 8",
      "FIN-LT-042",
      "Design Mac",
    ]);
  });

  it("shows a device, changes its owner and name, and forgets it", async () => {
    const [device] = (await server.call("GET", "/api/v1/devices?platform=windows", { token })).json<{
      items: DeviceBody[];
    }>().items;
    const changed = await server.call("PATCH", `/api/v1/devices/${device!.id}`, {
      token,
      body: { name: "FIN-LT-043", ownerUserId: ownerId, ownership: "corporate" },
    });
    expect(changed.json()).toMatchObject({
      name: "FIN-LT-043",
      ownerUserId: ownerId,
      ownership: "corporate",
    });
    expect((await server.call("GET", `/api/v1/devices/${device!.id}`, { token })).json()).toMatchObject({
      name: "FIN-LT-043",
    });
    const badOwner = await server.call("PATCH", `/api/v1/devices/${device!.id}`, {
      token,
      body: { ownerUserId: "01900000-0000-7000-8000-000000000000" },
    });
    expect(badOwner.statusCode).toBe(404);
    expect((await server.call("DELETE", `/api/v1/devices/${device!.id}`, { token })).statusCode).toBe(204);
    expect((await server.call("GET", `/api/v1/devices/${device!.id}`, { token })).statusCode).toBe(404);
  });

  it("shows the device's last inventory, or null before its first report", async () => {
    const [pixel] = (await server.call("GET", "/api/v1/devices?platform=android", { token })).json<{
      items: DeviceBody[];
    }>().items;
    expect((await server.call("GET", `/api/v1/devices/${pixel!.id}/inventory`, { token })).json()).toBeNull();
    await server.core.devices.recordInventory(DEFAULT_TENANT_ID, pixel!.id, {
      collectedAt: Date.now(),
      hardware: {
        manufacturer: "Google",
        model: "Pixel 8",
        serialNumber: "P8SERIAL",
        imei: null,
        wifiMac: null,
        totalStorageBytes: null,
        freeStorageBytes: null,
        batteryLevel: 0.5,
      },
      os: { version: "15", buildId: null, securityPatchLevel: "2026-10-05" },
      security: {
        encrypted: true,
        passcodeSet: false,
        compromised: false,
        developerOptionsEnabled: null,
        unknownSourcesAllowed: null,
      },
      apps: [
        {
          packageName: "com.example.mail",
          name: "Mail",
          version: "3.1",
          installSource: "managed",
          managed: true,
        },
      ],
    });
    const inventory = await server.call("GET", `/api/v1/devices/${pixel!.id}/inventory`, { token });
    expect(inventory.json()).toMatchObject({
      os: { version: "15" },
      security: { passcodeSet: false },
      apps: [{ packageName: "com.example.mail", managed: true }],
    });
  });

  it("shows the device's last compliance report, or null before its first", async () => {
    const [pixel] = (await server.call("GET", "/api/v1/devices?platform=android", { token })).json<{
      items: DeviceBody[];
    }>().items;
    const url = `/api/v1/devices/${pixel!.id}/compliance`;
    expect((await server.call("GET", url, { token })).json()).toBeNull();
    await server.core.devices.recordCompliance(DEFAULT_TENANT_ID, pixel!.id, {
      configurationVersion: 3,
      compliant: false,
      violations: [{ policy: "passcode", reason: "No passcode is set." }],
    });
    expect((await server.call("GET", url, { token })).json()).toMatchObject({
      configurationVersion: 3,
      compliant: false,
      violations: [{ policy: "passcode", reason: "No passcode is set." }],
    });
  });

  it("filters by the last compliance report", async () => {
    const list = async (compliance: string) =>
      (await server.call("GET", `/api/v1/devices?compliance=${compliance}`, { token })).json<{
        items: DeviceBody[];
      }>().items;
    const all = (await server.call("GET", "/api/v1/devices", { token })).json<{ items: DeviceBody[] }>()
      .items;
    const notCompliant = await list("not_compliant");
    expect(notCompliant.map((d) => d.platform)).toEqual(["android"]);
    expect(await list("compliant")).toEqual([]);
    expect((await list("not_reported")).length).toBe(all.length - 1);
    const bad = await server.call("GET", "/api/v1/devices?compliance=maybe", { token });
    expect(bad.statusCode).toBe(422);
  });

  it("summarises the fleet by platform, state, OS version, last contact and compliance", async () => {
    const summary = (await server.call("GET", "/api/v1/devices/summary", { token })).json<{
      total: number;
      byPlatform: Record<string, number>;
      byState: Record<string, number>;
      byLastContact: Record<string, number>;
      byCompliance: Record<string, number>;
    }>();
    expect(summary.byPlatform).toMatchObject({ ios: 2, android: 1, macos: 1 });
    expect(summary.byState.lost).toBe(1);
    expect(summary.byLastContact).toEqual({ day: summary.total, week: 0, month: 0, older: 0, never: 0 });
    expect(summary.byCompliance).toEqual({ compliant: 0, notCompliant: 1, notReported: summary.total - 1 });
  });

  it("places last contact in days from now", async () => {
    const tenant = server.store.forTenant(DEFAULT_TENANT_ID);
    const now = Date.now();
    const day = 86_400_000;
    await tenant.devices.insertMany(
      [3 * day, 10 * day, 90 * day, null].map((ago, i) => ({
        ...newDeviceRecord(DEFAULT_TENANT_ID, { platform: "windows", name: `Old ${i}` }, now),
        lastSeenAt: ago === null ? null : now - ago,
      })),
    );
    const summary = await tenant.devices.summary(now);
    expect(summary.byLastContact).toMatchObject({ week: 1, month: 1, older: 1, never: 1 });
  });
});
