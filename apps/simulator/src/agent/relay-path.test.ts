import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { activateDevice } from "./activate.js";
import { AgentDevice } from "./agent-device.js";
import { androidProfile } from "./device-profile.js";
import { startRelayAndServer, type RelayAndServer } from "../testing/relay-and-server.js";

interface Device {
  id: string;
  name: string;
  model: string | null;
  osVersion: string | null;
  ownerUserId: string;
}

/** A device anywhere activates through the relay and is managed by a server with no inbound port. */
describe("the device path through the relay", () => {
  let bed: RelayAndServer;
  let userId: string;

  const newActivation = async (body: Record<string, unknown> = {}) => {
    const created = await bed.api<{ password: string }>("POST", `/api/v1/users/${userId}/activations`, body);
    expect(created.status).toBe(201);
    return created.body.password;
  };

  /** The relay learns of an activation just after it is made. */
  const activate = async (
    password: string,
    attempts = 20,
  ): Promise<Awaited<ReturnType<typeof activateDevice>>> => {
    for (let i = 0; ; i++) {
      try {
        return await activateDevice({
          relay: bed.relayContact,
          address: "field.worker@example.com",
          password,
          platform: "android",
          device: { model: "Pixel 8", manufacturer: "Google", osVersion: "15" },
        });
      } catch (error) {
        if (i >= attempts || !(error instanceof Error && "code" in error && error.code === "no_activation"))
          throw error;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    }
  };

  beforeAll(async () => {
    bed = await startRelayAndServer();
    userId = (
      await bed.api<{ id: string }>("POST", "/api/v1/users", {
        email: "field.worker@example.com",
        givenName: "Field",
      })
    ).body.id;
  });
  afterAll(async () => bed?.stop());

  it("shows the relay link and licence to administrators", async () => {
    const status = await bed.api<{ state: string; domain: string; licence: { maxDevices: number } }>(
      "GET",
      "/api/v1/relay",
    );
    expect(status.body).toMatchObject({
      state: "up",
      domain: "acme.relay.meridian.test",
      licence: { maxDevices: 100 },
    });
  });

  it("activates a device, which then reports inventory and carries out a lock", async () => {
    const credentials = await activate(await newActivation());
    expect(credentials.endpoint.serverName).toBe("default.acme.relay.meridian.test");
    const device = new AgentDevice(credentials, androidProfile(1));
    try {
      expect((await device.hello()).deviceId).toBe(credentials.deviceId);
      await device.reportInventory();
      const listed = await bed.api<{ items: Device[] }>("GET", `/api/v1/devices?owner=${userId}`);
      expect(listed.body.items).toEqual([
        expect.objectContaining({
          id: credentials.deviceId,
          model: device.profile.model,
          osVersion: device.profile.osVersion,
          ownerUserId: userId,
        }),
      ]);
      const inventory = await bed.api<{ apps: Array<{ packageName: string }> }>(
        "GET",
        `/api/v1/devices/${credentials.deviceId}/inventory`,
      );
      expect(inventory.body.apps.map((a) => a.packageName)).toContain("com.example.corporate.mail");

      const waiting = device.nextCommand(20);
      const sent = await bed.api<{ id: string }>("POST", `/api/v1/devices/${credentials.deviceId}/commands`, {
        type: "lock",
        payload: { message: "Call IT" },
      });
      const command = await waiting;
      expect(command).toMatchObject({ id: sent.body.id, type: "lock", payload: { message: "Call IT" } });
      await device.execute(command!);
      expect(device.locked).toBe(true);
      const history = await bed.api<{ state: string }>("GET", `/api/v1/commands/${sent.body.id}`);
      expect(history.body.state).toBe("acknowledged");
    } finally {
      device.close();
    }
  });

  it("refuses a wrong password without the server or the device learning a key, and locks after five tries", async () => {
    await newActivation({ singleUse: false });
    for (let i = 0; i < 5; i++) {
      await expect(activate("WrongPassw0rd")).rejects.toMatchObject({ code: "confirmation_failed" });
    }
    await expect(activate("WrongPassw0rd")).rejects.toMatchObject({ code: "activation_locked" });
  });

  it("refuses a device whose certificate was revoked", async () => {
    const credentials = await activate(await newActivation());
    const device = new AgentDevice(credentials, androidProfile(2));
    try {
      await device.hello();
      expect((await bed.api("DELETE", `/api/v1/devices/${credentials.deviceId}`)).status).toBe(204);
      await expect(device.hello()).rejects.toMatchObject({ status: 401, code: "certificate_revoked" });
    } finally {
      device.close();
    }
  });
});
