import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { AgentDevice, activateDevice, androidProfile, type DeviceCredentials } from "@meridian/simulator";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startAllInOne, type AllInOne } from "./start-all.js";

const freePort = () =>
  new Promise<number>((resolve) => {
    const probe = createServer().listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });

/**
 * The all-in-one start on a fresh data directory, driven as an administrator and a device would:
 * user, activation, a simulated Android device activating through the embedded relay, its inventory,
 * a Lock that it carries out; then the same with everything restarted between send and delivery.
 */
describe("meridian start, end to end", () => {
  const dataDir = mkdtempSync(join(tmpdir(), "meridian-all-in-one-"));
  let env: NodeJS.ProcessEnv;
  let running: AllInOne;
  let token: string;

  const api = async <T>(
    method: string,
    path: string,
    body?: unknown,
  ): Promise<{ status: number; body: T }> => {
    const response = await fetch(`${running.server.url}${path}`, {
      method,
      headers: {
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...(body === undefined ? {} : { "content-type": "application/json" }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await response.text();
    return { status: response.status, body: (text ? JSON.parse(text) : undefined) as T };
  };
  const relayContact = () => ({
    edge: running.relay!.edgeAddress,
    host: running.relay!.host,
    caFingerprint: running.relay!.caFingerprint,
  });

  beforeAll(async () => {
    env = {
      MERIDIAN_DATA_DIR: dataDir,
      MERIDIAN_HTTP_PORT: String(await freePort()),
      MERIDIAN_RELAY_LINK_PORT: String(await freePort()),
      MERIDIAN_RELAY_EDGE_PORT: String(await freePort()),
      MERIDIAN_ADMIN_EMAIL: "admin@example.com",
      MERIDIAN_ADMIN_PASSWORD: "a long admin password",
      MERIDIAN_LOG_LEVEL: "silent",
    };
    running = await startAllInOne(env);
    await running.server.relay!.whenSynced();
    token = (
      await api<{ token: string }>("POST", "/api/v1/auth/login", {
        email: "admin@example.com",
        password: "a long admin password",
      })
    ).body.token;
  });
  afterAll(async () => {
    await running?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it("takes a device from activation to an acknowledged lock, and survives a restart between send and delivery", async () => {
    const user = await api<{ id: string }>("POST", "/api/v1/users", {
      email: "ada@example.com",
      givenName: "Ada",
    });
    const activation = await api<{ password: string }>(
      "POST",
      `/api/v1/users/${user.body.id}/activations`,
      {},
    );
    let credentials: DeviceCredentials | undefined;
    for (let i = 0; !credentials && i < 30; i++) {
      credentials = await activateDevice({
        relay: relayContact(),
        address: "ada@example.com",
        password: activation.body.password,
        platform: "android",
        device: { model: "Pixel 8" },
      }).catch(async () => {
        await new Promise((resolve) => setTimeout(resolve, 100));
        return undefined;
      });
    }
    const device = new AgentDevice(credentials!, androidProfile(3));
    try {
      await device.hello();
      await device.reportInventory();
      const listed = await api<{ items: Array<{ id: string; model: string }> }>(
        "GET",
        `/api/v1/devices?owner=${user.body.id}`,
      );
      expect(listed.body.items).toEqual([
        expect.objectContaining({ id: credentials!.deviceId, model: device.profile.model }),
      ]);

      const lock = await api<{ id: string }>("POST", `/api/v1/devices/${credentials!.deviceId}/commands`, {
        type: "lock",
      });
      await device.execute((await device.nextCommand(10))!);
      expect((await api<{ state: string }>("GET", `/api/v1/commands/${lock.body.id}`)).body.state).toBe(
        "acknowledged",
      );

      // Sent, then the relay (and the server with it) restarts before the device fetches it.
      const second = await api<{ id: string }>("POST", `/api/v1/devices/${credentials!.deviceId}/commands`, {
        type: "lock",
        payload: { message: "again" },
      });
      await running.stop();
      running = await startAllInOne(env);
      await running.server.relay!.whenSynced();
      let command;
      for (let i = 0; !command && i < 50; i++) command = await device.nextCommand(2).catch(() => undefined);
      expect(command).toMatchObject({ id: second.body.id, payload: { message: "again" } });
      await device.execute(command!);
      expect((await api<{ state: string }>("GET", `/api/v1/commands/${second.body.id}`)).body.state).toBe(
        "acknowledged",
      );
    } finally {
      device.close();
    }
  });
});
