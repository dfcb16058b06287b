import { once } from "node:events";
import { connect, type OutgoingHttpHeaders } from "node:http2";
import { afterEach, describe, expect, it } from "vitest";
import { ApnsEmulator, type ApnsEmulatorOptions } from "./apns-emulator.js";
import { listenForPushes, registerApnsDevices, type ApnsPush } from "./device-client.js";
import { pushAsProvider } from "./testing/push-as-provider.js";

const TOPIC = "com.apple.mgmt.External.0f3c";
const cleanup: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const step of cleanup.splice(0).reverse()) await step();
});

async function setup(options: ApnsEmulatorOptions = {}) {
  let now = Date.now();
  const emulator = await ApnsEmulator.start({ clock: { now: () => now }, ...options });
  cleanup.push(() => emulator.close());
  const provider = await pushAsProvider(emulator, TOPIC);
  cleanup.push(() => provider.close());
  return { emulator, provider, advance: (ms: number) => (now += ms), now: () => now };
}

/** Listens until the test ends; resolves once the emulator has subscribed the tokens. */
async function listen(emulator: ApnsEmulator, tokens: string[]) {
  const received: ApnsPush[] = [];
  const waiters: Array<() => void> = [];
  const stop = new AbortController();
  let connected!: () => void;
  const ready = new Promise<void>((resolve) => (connected = resolve));
  const done = listenForPushes(
    emulator.url,
    emulator.ca,
    tokens,
    (push) => {
      received.push(push);
      for (const wake of waiters.splice(0)) wake();
    },
    stop.signal,
    { onConnected: connected },
  );
  const close = async () => {
    stop.abort();
    await done;
  };
  cleanup.push(close);
  await ready;
  const until = async (count: number) => {
    while (received.length < count) await new Promise<void>((resolve) => waiters.push(resolve));
  };
  return { received, until, close };
}

/** One raw request to the device API, answered with its status and JSON. */
async function call(emulator: ApnsEmulator, headers: OutgoingHttpHeaders, body?: string) {
  const session = connect(emulator.url, { ca: emulator.ca });
  cleanup.push(() => void session.destroy());
  await once(session, "connect");
  const stream = session.request({ ":method": "POST", ...headers });
  stream.end(body);
  const [response] = (await once(stream, "response")) as [Record<string, unknown>];
  let text = "";
  for await (const chunk of stream) text += String(chunk);
  return { status: Number(response[":status"]), json: JSON.parse(text) as Record<string, unknown> };
}

describe("APNs emulator, device side", () => {
  it("registers tokens for a topic and streams a provider's push to the listening device", async () => {
    const { emulator, provider } = await setup();
    const tokens = await registerApnsDevices(emulator.url, emulator.ca, TOPIC, 3);
    expect(tokens).toHaveLength(3);
    for (const token of tokens) expect(token).toMatch(/^[0-9a-f]{64}$/);
    const device = await listen(emulator, tokens);

    expect(await provider.push(tokens[1]!, { mdm: "abc" }, { "apns-priority": "10" })).toBe(200);
    await device.until(1);
    expect(device.received[0]).toMatchObject({
      token: tokens[1],
      topic: TOPIC,
      pushType: "mdm",
      priority: "10",
      payload: '{"mdm":"abc"}',
    });
    expect(device.received[0]!.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(emulator.stats).toMatchObject({ requests: 1, delivered: 1 });
  });

  it("holds only the latest push for an offline device and delivers it when the device connects", async () => {
    const { emulator, provider } = await setup();
    const [token] = await registerApnsDevices(emulator.url, emulator.ca, TOPIC, 1);
    await provider.push(token!, { n: 1 });
    await provider.push(token!, { n: 2 });
    expect(emulator.pendingNotifications).toBe(1);

    const device = await listen(emulator, [token!]);
    await device.until(1);
    expect(device.received.map((push) => push.payload)).toEqual(['{"n":2}']);
    expect(emulator.pendingNotifications).toBe(0);
    await provider.push(token!, { n: 3 });
    await device.until(2);
    expect(device.received[1]!.payload).toBe('{"n":3}');
  });

  it("does not hold a push with apns-expiration 0, and drops one whose expiration has passed", async () => {
    const { emulator, provider, advance, now } = await setup();
    const [unstored, expiring] = await registerApnsDevices(emulator.url, emulator.ca, TOPIC, 2);
    await provider.push(unstored!, { n: 1 }, { "apns-expiration": "0" });
    const inOneMinute = String(Math.floor(now() / 1000) + 60);
    await provider.push(expiring!, { n: 2 }, { "apns-expiration": inOneMinute });
    expect(emulator.pendingNotifications).toBe(1);
    advance(61_000);

    const device = await listen(emulator, [unstored!, expiring!]);
    await provider.push(unstored!, { n: 3 });
    await device.until(1);
    expect(device.received.map((push) => push.payload)).toEqual(['{"n":3}']);
  });

  it("also replaces a held push with a later apns-expiration 0 one, which is then not held", async () => {
    const { emulator, provider } = await setup();
    const [token] = await registerApnsDevices(emulator.url, emulator.ca, TOPIC, 1);
    await provider.push(token!, { n: 1 });
    await provider.push(token!, { n: 2 }, { "apns-expiration": "0" });
    expect(emulator.pendingNotifications).toBe(0);
  });

  it("unsubscribes every token when the stream closes, and holds pushes again", async () => {
    const { emulator, provider } = await setup();
    const tokens = await registerApnsDevices(emulator.url, emulator.ca, TOPIC, 50);
    const device = await listen(emulator, tokens);
    expect(emulator.deliveries.subscribedTokens).toBe(50);
    await device.close();
    await expect.poll(() => emulator.deliveries.subscribedTokens).toBe(0);
    await provider.push(tokens[0]!, { n: 1 });
    expect(emulator.pendingNotifications).toBe(1);
  });

  it.each([
    ["malformed JSON", { ":path": "/emulator/v1/devices" }, "{", 400, "BadJson"],
    ["no topic", { ":path": "/emulator/v1/devices" }, '{"count":1}', 400, "BadTopic"],
    ["a count of 0", { ":path": "/emulator/v1/devices" }, `{"topic":"${TOPIC}","count":0}`, 400, "BadCount"],
    [
      "too many devices",
      { ":path": "/emulator/v1/devices" },
      `{"topic":"t","count":10001}`,
      413,
      "TooManyDevices",
    ],
    ["no tokens", { ":path": "/emulator/v1/deliveries" }, '{"tokens":[]}', 400, "BadTokens"],
    ["a bad token", { ":path": "/emulator/v1/deliveries" }, '{"tokens":["xyz"]}', 400, "BadDeviceToken"],
    ["GET", { ":path": "/emulator/v1/devices", ":method": "GET" }, undefined, 405, "MethodNotAllowed"],
    ["an unknown path", { ":path": "/emulator/v1/nothing" }, "{}", 404, "NotFound"],
    [
      "provider credentials",
      { ":path": "/emulator/v1/devices", authorization: "bearer x" },
      `{"topic":"t","count":1}`,
      400,
      "ProviderCredentialsNotAccepted",
    ],
  ])("answers %s with %i %s", async (_, headers, body, status, reason) => {
    const { emulator } = await setup();
    const answer = await call(emulator, headers as OutgoingHttpHeaders, body);
    expect(answer.status).toBe(status);
    expect(answer.json).toMatchObject({ reason, message: expect.any(String) as unknown });
    expect(emulator.stats.requests).toBe(0);
  });

  it("refuses tokens it never issued, and more than 100,000 tokens on one stream", async () => {
    const { emulator } = await setup();
    const stranger = "ab".repeat(32);
    const unknown = await call(
      emulator,
      { ":path": "/emulator/v1/deliveries" },
      JSON.stringify({ tokens: [stranger] }),
    );
    expect(unknown).toMatchObject({
      status: 400,
      json: { reason: "UnknownDeviceToken", tokens: [stranger] },
    });
    const many = await call(
      emulator,
      { ":path": "/emulator/v1/deliveries" },
      JSON.stringify({ tokens: Array.from({ length: 100_001 }, () => stranger) }),
    );
    expect(many).toMatchObject({ status: 413, json: { reason: "TooManyTokens" } });
    expect(emulator.deliveries.subscribedTokens).toBe(0);
  });
});
