import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AgentDevice } from "./agent-device.js";
import { androidProfile } from "./device-profile.js";
import { openPushChannel, type PushChannel } from "./push-channel.js";
import { activateWhenKnown, eventually, userWithActivation } from "../testing/device-steps.js";
import { startRelayAndServer, type RelayAndServer } from "../testing/relay-and-server.js";

const DEVICES = 4;

/** The relay's push channel spread over two worker processes, one of which dies. */
describe("push channel in worker processes", () => {
  let bed: RelayAndServer;
  const devices: Array<{ id: string; agent: AgentDevice; channel: PushChannel }> = [];

  beforeAll(async () => {
    bed = await startRelayAndServer({ pushChannelWorkers: 2 });
  });
  afterAll(async () => {
    for (const { agent, channel } of devices) {
      channel.close();
      agent.close();
    }
    await bed?.stop();
  });

  /** Sends each device a lock and waits until every one is acknowledged (so every device was woken). */
  async function lockEveryDevice(): Promise<void> {
    const sent = await Promise.all(
      devices.map(({ id }) =>
        bed.api<{ id: string }>("POST", `/api/v1/devices/${id}/commands`, { type: "lock" }),
      ),
    );
    for (const { body } of sent)
      await eventually("the lock to be acknowledged", async () => {
        const command = await bed.api<{ state: string }>("GET", `/api/v1/commands/${body.id}`);
        return command.body.state === "acknowledged" ? true : undefined;
      });
  }

  it("spreads devices over the workers and wakes each through the one that holds it", async () => {
    expect(bed.relay.pushChannel.workerPids()).toHaveLength(2);
    for (let n = 0; n < DEVICES; n++) {
      const email = `worker-${n}@example.com`;
      const password = await userWithActivation(bed, email);
      const credentials = await activateWhenKnown(bed, email, password, {
        platform: "windows",
        device: { model: "Generic agent" },
      });
      const agent = new AgentDevice(credentials, androidProfile(n));
      await agent.hello({ service: "relay" });
      const channel = await openPushChannel(
        bed.relayContact,
        credentials,
        () => void agent.wake().catch(() => undefined),
      );
      devices.push({ id: credentials.deviceId, agent, channel });
    }
    await eventually("every channel to be held", async () =>
      (await bed.relay.pushChannel.connected()) === DEVICES ? true : undefined,
    );
    await lockEveryDevice();
    expect(devices.map((d) => d.channel.received)).toEqual(devices.map(() => 1));
  });

  it("restarts a worker that dies; its devices reconnect and are woken again", async () => {
    const [killed, survivor] = bed.relay.pushChannel.workerPids();
    process.kill(killed!, "SIGKILL");
    await eventually("a new worker, and every device to hold a channel again", async () => {
      const pids = bed.relay.pushChannel.workerPids();
      if (pids.includes(killed!) || !pids.includes(survivor!)) return undefined;
      return (await bed.relay.pushChannel.connected()) === DEVICES ? true : undefined;
    });
    // Devices are handed out in turn, so the dead worker held half of them.
    const reconnected = devices.filter((d) => d.channel.connections === 2).length;
    expect(reconnected).toBe(DEVICES / 2);
    await lockEveryDevice();
    expect(devices.map((d) => d.channel.received)).toEqual(devices.map(() => 2));
  });
});
