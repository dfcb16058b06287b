import { afterEach, describe, expect, it } from "vitest";
import { ApnsEmulator } from "./apns-emulator.js";
import { ApnsDeviceApiError, listenForPushes, registerApnsDevices } from "./device-client.js";
import { pushAsProvider } from "./testing/push-as-provider.js";

const TOPIC = "com.example.app";
const cleanup: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const step of cleanup.splice(0).reverse()) await step();
});

async function start() {
  const emulator = await ApnsEmulator.start();
  cleanup.push(() => emulator.close());
  const provider = await pushAsProvider(emulator, TOPIC);
  cleanup.push(() => provider.close());
  return { emulator, provider };
}

describe("APNs device client", () => {
  it("registers more than one call's worth of devices in several calls", async () => {
    const { emulator } = await start();
    const tokens = await registerApnsDevices(emulator.url, emulator.ca, TOPIC, 10_001);
    expect(new Set(tokens).size).toBe(10_001);
    expect(emulator.stats.deviceRequests).toBe(2);
  });

  it("reconnects after the connection drops and gets the push held meanwhile", async () => {
    const { emulator } = await start();
    const [token] = await registerApnsDevices(emulator.url, emulator.ca, TOPIC, 1);
    const payloads: string[] = [];
    const drops: unknown[] = [];
    let connections = 0;
    const stop = new AbortController();
    const done = listenForPushes(
      emulator.url,
      emulator.ca,
      [token!],
      (push) => payloads.push(push.payload),
      stop.signal,
      {
        onConnected: () => connections++,
        onDisconnected: (error) => drops.push(error),
        backoff: { baseMs: 20, capMs: 50 },
      },
    );
    cleanup.push(async () => {
      stop.abort();
      await done;
    });
    await expect.poll(() => connections).toBe(1);

    emulator.dropConnections();
    await expect.poll(() => drops.length).toBe(1);
    // The drop cut every connection, the provider's too. Sent while the device is away, or just
    // back: the push arrives either way, once.
    const provider = await pushAsProvider(emulator, TOPIC);
    cleanup.push(() => provider.close());
    await provider.push(token!, { n: 1 });
    await expect.poll(() => connections).toBe(2);
    await expect.poll(() => payloads).toEqual(['{"n":1}']);
  });

  it("gives up on a refusal, since asking again would be refused again", async () => {
    const { emulator } = await start();
    const listening = listenForPushes(
      emulator.url,
      emulator.ca,
      ["cd".repeat(32)],
      () => {},
      new AbortController().signal,
    );
    await expect(listening).rejects.toBeInstanceOf(ApnsDeviceApiError);
    await expect(listening).rejects.toMatchObject({ status: 400, reason: "UnknownDeviceToken" });
  });

  it("settles when aborted, leaving no subscription behind", async () => {
    const { emulator } = await start();
    const tokens = await registerApnsDevices(emulator.url, emulator.ca, TOPIC, 10);
    const stop = new AbortController();
    let connected = false;
    const done = listenForPushes(emulator.url, emulator.ca, tokens, () => {}, stop.signal, {
      onConnected: () => (connected = true),
    });
    await expect.poll(() => connected).toBe(true);
    expect(emulator.deliveries.subscribedTokens).toBe(10);
    stop.abort();
    await done;
    await expect.poll(() => emulator.deliveries.subscribedTokens).toBe(0);
  });
});
