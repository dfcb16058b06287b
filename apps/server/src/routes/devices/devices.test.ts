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

  it("summarises the fleet by platform, state and OS version", async () => {
    const summary = (await server.call("GET", "/api/v1/devices/summary", { token })).json<{
      total: number;
      byPlatform: Record<string, number>;
      byState: Record<string, number>;
    }>();
    expect(summary.byPlatform).toMatchObject({ ios: 2, android: 1, macos: 1 });
    expect(summary.byState.lost).toBe(1);
  });
});
