import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { activateDevice } from "./activate.js";
import { AgentDevice } from "./agent-device.js";
import { androidProfile } from "./device-profile.js";
import { startRelayAndServer, type RelayAndServer } from "../testing/relay-and-server.js";

/** An accepted command is never lost: restarting the relay or the server mid-flow changes only when it arrives. */
describe("commands across restarts", () => {
  let bed: RelayAndServer;
  let device: AgentDevice;
  const stop = new AbortController();
  let serving: Promise<void> | undefined;

  const commandState = async (id: string) =>
    (await bed.api<{ state: string }>("GET", `/api/v1/commands/${id}`)).body.state;
  const eventually = async (check: () => Promise<boolean>, what: string, ms = 30_000) => {
    const deadline = Date.now() + ms;
    while (Date.now() < deadline) {
      if (await check()) return;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    throw new Error(`Timed out waiting for ${what}.`);
  };
  const send = async (type: string) =>
    (
      await bed.api<{ id: string }>("POST", `/api/v1/devices/${device.credentials.deviceId}/commands`, {
        type,
      })
    ).body.id;

  beforeAll(async () => {
    bed = await startRelayAndServer();
    const user = await bed.api<{ id: string }>("POST", "/api/v1/users", { email: "restarts@example.com" });
    const activation = await bed.api<{ password: string }>(
      "POST",
      `/api/v1/users/${user.body.id}/activations`,
      {},
    );
    let credentials;
    for (let i = 0; !credentials; i++) {
      credentials = await activateDevice({
        relay: bed.relayContact,
        address: "restarts@example.com",
        password: activation.body.password,
        platform: "android",
        device: { model: "Pixel 8" },
      }).catch(async (error: unknown) => {
        if (i > 20) throw error;
        await new Promise((resolve) => setTimeout(resolve, 100));
        return undefined;
      });
    }
    device = new AgentDevice(credentials, androidProfile(7));
    await device.hello();
    // The device keeps fetching commands, retrying while the relay or server is away, as a real agent does.
    serving = device.serve(stop.signal, 5);
  });
  afterAll(async () => {
    stop.abort();
    device?.close();
    await bed?.stop();
  });

  it("delivers a command sent while the relay was down, once it is back", async () => {
    await bed.relay.stop();
    const lock = await send("lock");
    expect(await commandState(lock)).toBe("pending");
    await bed.restartRelay();
    await eventually(
      async () => (await commandState(lock)) === "acknowledged",
      "the lock to be acknowledged after the relay restarted",
    );
    expect(device.locked).toBe(true);
  });

  it("delivers a command queued before the server restarted", async () => {
    const reboot = await send("reboot");
    await bed.restartServer();
    await eventually(
      async () => (await commandState(reboot)) === "acknowledged",
      "the reboot to be acknowledged after the server restarted",
    );
  });

  it("keeps a command the device fetched just before the server restarted, and records its answer after", async () => {
    stop.abort();
    await serving;
    const inventory = await send("request_inventory");
    // Fetch it by hand, restart the server, then answer.
    const fetched = await device.nextCommand(5);
    expect(fetched?.id).toBe(inventory);
    expect(await commandState(inventory)).toBe("delivered");
    await bed.restartServer();
    await device.execute(fetched!);
    expect(await commandState(inventory)).toBe("acknowledged");
  });
});
