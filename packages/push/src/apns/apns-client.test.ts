import { ApnsEmulator } from "@meridian/emulators";
import { afterEach, describe, expect, it } from "vitest";
import { fakeTime, MINUTE } from "../testing/fake-time.js";
import { ApnsClient, type ApnsClientOptions } from "./apns-client.js";

const TOPIC = "com.example.meridian.agent";
const cleanup: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const step of cleanup.splice(0).reverse()) await step();
});

async function setup(emulatorOptions: Parameters<typeof ApnsEmulator.start>[0] = {}) {
  const time = fakeTime(Date.now());
  const emulator = await ApnsEmulator.start({ clock: time.clock, ...emulatorOptions });
  cleanup.push(() => emulator.close());
  const key = emulator.createSigningKey();
  const client = (options: Partial<ApnsClientOptions> = {}) => {
    const created = new ApnsClient({
      credentials: { token: key },
      topic: TOPIC,
      baseUrl: emulator.url,
      ca: emulator.ca,
      clock: time.clock,
      sleep: time.sleep,
      random: () => 0,
      ...options,
    });
    cleanup.push(() => created.close());
    return created;
  };
  return { time, emulator, key, client, device: emulator.registerDevice(TOPIC) };
}

describe("ApnsClient with token authentication", () => {
  it("sends Apple's headers: topic, push type, priority, expiration, collapse id and its apns-id", async () => {
    const { emulator, client, device, time } = await setup();
    const apns = client();
    const received = emulator.deliveries.next(device);
    const result = await apns.send({
      token: device,
      ttlSeconds: 3600,
      collapseKey: "wake",
      data: { k: "v" },
    });
    const delivery = await received;
    expect(result).toMatchObject({ status: "delivered", id: delivery.id });
    expect(delivery).toMatchObject({
      topic: TOPIC,
      pushType: "background",
      priority: "5",
      collapseId: "wake",
    });
    expect(Number(delivery.expiration)).toBe(Math.floor(time.clock.now() / 1000) + 3600);
    expect(JSON.parse(delivery.payload)).toEqual({ aps: { "content-available": 1 }, k: "v" });
    const alert = emulator.deliveries.next(device);
    await apns.send({ token: device, pushType: "alert", payload: { aps: { alert: "hi" } } });
    expect(await alert).toMatchObject({
      pushType: "alert",
      priority: "10",
      payload: '{"aps":{"alert":"hi"}}',
    });
  });

  it("renews the provider token on its own between 40 and 55 minutes, and APNs takes the new one", async () => {
    const { client, device, time } = await setup();
    const apns = client();
    await apns.send({ token: device });
    time.advance(39 * MINUTE);
    await apns.send({ token: device });
    expect(apns.providerToken!.renewals).toBe(1);
    time.advance(2 * MINUTE);
    expect(await apns.send({ token: device })).toMatchObject({ status: "delivered", attempts: 1 });
    expect(apns.providerToken!.renewals).toBe(2);
  });

  it("on ExpiredProviderToken renews the token and delivers", async () => {
    // APNs judges age by its own clock; here it expires tokens at 30 minutes, before our renewal.
    const { client, device, time, emulator } = await setup({
      tokenLimits: { maxAgeMs: 30 * MINUTE, minUpdateIntervalMs: 20 * MINUTE },
    });
    const apns = client();
    await apns.send({ token: device });
    time.advance(31 * MINUTE);
    const result = await apns.send({ token: device });
    expect(result).toMatchObject({ status: "delivered", attempts: 2 });
    expect(apns.providerToken!.renewals).toBe(2);
    expect(emulator.stats.rejected.ExpiredProviderToken).toBe(1);
  });

  it("does not renew a token younger than 20 minutes when APNs calls it expired: it reports, no loop", async () => {
    const { client, device, time, emulator } = await setup({
      tokenLimits: { maxAgeMs: 10 * MINUTE, minUpdateIntervalMs: 20 * MINUTE },
    });
    const apns = client();
    await apns.send({ token: device });
    time.advance(11 * MINUTE);
    const result = await apns.send({ token: device });
    expect(result).toMatchObject({ status: "failed", reason: "ExpiredProviderToken", attempts: 1 });
    expect(result.status === "failed" && result.error.code).toBe("credentials_rejected");
    expect(apns.providerToken!.renewals).toBe(1);
    expect(emulator.stats.requests).toBe(2);
  });

  it("reports TooManyProviderTokenUpdates as a typed error, once, without renewing", async () => {
    const { client, device, time } = await setup();
    const first = client();
    await first.send({ token: device });
    time.advance(5_000);
    // A second process signing with the same key replaces the token too soon.
    const second = client();
    const result = await second.send({ token: device });
    expect(result).toMatchObject({ status: "failed", reason: "TooManyProviderTokenUpdates", attempts: 1 });
    expect(result.status === "failed" && result.error.code).toBe("token_updates_throttled");
    expect(second.providerToken!.renewals).toBe(1);
    expect(await first.send({ token: device })).toMatchObject({ status: "delivered" });
  });

  it("says a refused signing key is a credentials problem", async () => {
    const { client, device } = await setup();
    const stranger = await ApnsEmulator.start();
    cleanup.push(() => stranger.close());
    const apns = client({ credentials: { token: stranger.createSigningKey() } });
    const result = await apns.send({ token: device });
    expect(result).toMatchObject({ status: "failed", reason: "InvalidProviderToken" });
    expect(result.status === "failed" && result.error.code).toBe("credentials_rejected");
  });

  it("reports a payload over 4 KB as PayloadTooLarge, not retried; VoIP may use 5 KB", async () => {
    const { client, device } = await setup();
    const apns = client();
    const big = { aps: { "content-available": 1 }, blob: "x".repeat(4_100) };
    const result = await apns.send({ token: device, payload: big, pushType: "alert" });
    expect(result).toMatchObject({ status: "failed", reason: "PayloadTooLarge", attempts: 1 });
    expect(result.status === "failed" && result.error.code).toBe("invalid_notification");
    expect(await apns.send({ token: device, payload: big, pushType: "voip" })).toMatchObject({
      status: "delivered",
    });
  });

  it("reconnects after GOAWAY: the refused request is sent again on a new connection", async () => {
    const { client, device, emulator } = await setup();
    const apns = client();
    await apns.send({ token: device });
    emulator.faults.goAwayNext();
    expect(await apns.send({ token: device })).toMatchObject({ status: "delivered", attempts: 2 });
    expect(apns.connection.sessionsOpened).toBe(2);
    emulator.goAway();
    expect(await apns.send({ token: device })).toMatchObject({ status: "delivered" });
    expect(apns.connection.sessionsOpened).toBe(3);
  });

  it("finishes requests in flight when APNs sends GOAWAY, and sends the rest on a new connection", async () => {
    const { client, device, emulator } = await setup();
    const apns = client();
    await apns.send({ token: device });
    emulator.faults.set({ latencyMs: 50 });
    const sends = Array.from({ length: 20 }, () => apns.send({ token: device }));
    await new Promise((resolve) => setTimeout(resolve, 10));
    emulator.goAway();
    const more = Array.from({ length: 20 }, () => apns.send({ token: device }));
    const results = await Promise.all([...sends, ...more]);
    expect(results.filter((result) => result.status === "delivered")).toHaveLength(40);
    expect(apns.connection.sessionsOpened).toBe(2);
  });

  it("on GOAWAY sends the requests still queued for a stream on the new connection", async () => {
    const { client, device, emulator } = await setup({ maxConcurrentStreams: 4 });
    const apns = client();
    await apns.send({ token: device });
    emulator.faults.set({ latencyMs: 30 });
    const sends = Array.from({ length: 40 }, () => apns.send({ token: device }));
    await new Promise((resolve) => setTimeout(resolve, 10));
    emulator.goAway();
    const results = await Promise.all(sends);
    expect(results.filter((result) => result.status === "delivered")).toHaveLength(40);
    expect(results.filter((result) => result.attempts === 1).length).toBeGreaterThanOrEqual(4);
    expect(apns.connection.sessionsOpened).toBe(2);
    expect(apns.connection.peakInFlight).toBe(4);
  });

  it("settles every send when the connection drops with hundreds in flight: each is retried and delivered", async () => {
    const { client, device, emulator } = await setup();
    const apns = client();
    await apns.send({ token: device });
    emulator.faults.set({ latencyMs: 30 });
    const sends = Array.from({ length: 300 }, () => apns.send({ token: device }));
    await new Promise((resolve) => setTimeout(resolve, 10));
    emulator.dropConnections();
    emulator.faults.set({ latencyMs: 0 });
    const results = await Promise.all(sends);
    expect(results.every((result) => result.status === "delivered")).toBe(true);
    expect(results.some((result) => result.attempts === 2)).toBe(true);
    expect(apns.connection.sessionsOpened).toBe(2);
  });

  it("reports a connection that cannot be made as retry_later after its attempts, never hanging", async () => {
    const { client, device } = await setup();
    // Nothing listens on port 1.
    const apns = client({ retry: { maxAttempts: 2 }, baseUrl: "https://127.0.0.1:1" });
    const result = await apns.send({ token: device });
    expect(result).toMatchObject({ status: "retry_later", reason: "ConnectionLost", attempts: 2 });
  });

  it("keeps to the peer's SETTINGS_MAX_CONCURRENT_STREAMS, one stream until authenticated, and follows changes", async () => {
    const { client, device, emulator } = await setup({ maxConcurrentStreams: 4 });
    emulator.faults.set({ latencyMs: 20 });
    // Without a valid token the connection stays at one stream, however many requests wait.
    const stranger = await ApnsEmulator.start();
    cleanup.push(() => stranger.close());
    const refused = client({ credentials: { token: stranger.createSigningKey() } });
    const first = await Promise.all(Array.from({ length: 3 }, () => refused.send({ token: device })));
    expect(first.every((result) => result.status === "failed")).toBe(true);
    expect(refused.connection.peakInFlight).toBe(1);
    const apns = client();
    const burst = await Promise.all(Array.from({ length: 40 }, () => apns.send({ token: device })));
    expect(burst.every((result) => result.status === "delivered")).toBe(true);
    expect(apns.connection.peakInFlight).toBe(4);
    expect(apns.connection.streamLimit).toBe(4);
    emulator.setMaxConcurrentStreams(9);
    await apns.send({ token: device });
    await Promise.all(Array.from({ length: 40 }, () => apns.send({ token: device })));
    expect(apns.connection.peakInFlight).toBe(9);
  });

  it("refuses a token that is not hex before it can reach the request path", async () => {
    const { client, emulator } = await setup();
    const result = await client().send({ token: "../../3/device/abc" });
    expect(result).toMatchObject({ status: "token_invalid", reason: "BadDeviceToken", attempts: 0 });
    expect(emulator.stats.requests).toBe(0);
  });

  it("talks to Apple's production host unless told sandbox, on port 443", async () => {
    const { key } = await setup();
    const production = new ApnsClient({ credentials: { token: key }, topic: TOPIC });
    const sandbox = new ApnsClient({ credentials: { token: key }, topic: TOPIC, environment: "sandbox" });
    expect(production.connection.authority).toBe("api.push.apple.com");
    expect(sandbox.connection.authority).toBe("api.sandbox.push.apple.com");
    cleanup.push(
      () => production.close(),
      () => sandbox.close(),
    );
  });

  it("needs a topic for token authentication", () => {
    expect(
      () =>
        new ApnsClient({
          credentials: { token: { keyId: "ABC123DEFG", teamId: "TEAM123456", privateKey: "" } },
        }),
    ).toThrow(/topic/);
  });
});
