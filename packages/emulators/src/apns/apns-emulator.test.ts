import { createPrivateKey, sign } from "node:crypto";
import { once } from "node:events";
import { connect, type ClientHttp2Session, type OutgoingHttpHeaders } from "node:http2";
import { afterEach, describe, expect, it } from "vitest";
import { ApnsEmulator, type ApnsEmulatorOptions } from "./apns-emulator.js";
import type { IssuedSigningKey } from "./provider-token-verifier.js";

const TOPIC = "com.example.app";
const cleanup: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const step of cleanup.splice(0).reverse()) await step();
});

function jwt(
  key: IssuedSigningKey,
  iatSeconds: number,
  overrides: { alg?: string; iss?: string } = {},
): string {
  const part = (value: object) => Buffer.from(JSON.stringify(value)).toString("base64url");
  const input = `${part({ alg: overrides.alg ?? "ES256", kid: key.keyId })}.${part({ iss: overrides.iss ?? key.teamId, iat: iatSeconds })}`;
  const signature = sign("sha256", Buffer.from(input), {
    key: createPrivateKey(key.privateKey),
    dsaEncoding: "ieee-p1363",
  });
  return `${input}.${signature.toString("base64url")}`;
}

async function setup(options: ApnsEmulatorOptions = {}) {
  let now = Date.now();
  const emulator = await ApnsEmulator.start({ clock: { now: () => now }, ...options });
  cleanup.push(() => emulator.close());
  const session: ClientHttp2Session = connect(emulator.url, { ca: emulator.ca });
  cleanup.push(() => void session.destroy());
  await once(session, "connect");
  const key = emulator.createSigningKey();
  const token = jwt(key, Math.floor(now / 1000));
  const device = emulator.registerDevice(TOPIC);
  const post = (headers: OutgoingHttpHeaders, body: string | Buffer = '{"aps":{}}') =>
    new Promise<{
      status: number;
      headers: Record<string, unknown>;
      json: Record<string, unknown> | undefined;
    }>((resolve, reject) => {
      const stream = session.request({
        ":method": "POST",
        ":path": `/3/device/${device}`,
        authorization: `bearer ${token}`,
        "apns-topic": TOPIC,
        "apns-push-type": "alert",
        ...headers,
      });
      let text = "";
      let response: Record<string, unknown> = {};
      stream.on("response", (received) => (response = received));
      stream.on("data", (chunk: Buffer) => (text += chunk.toString()));
      stream.on("end", () =>
        resolve({
          status: Number(response[":status"] ?? 0),
          headers: response,
          json: text ? (JSON.parse(text) as Record<string, unknown>) : undefined,
        }),
      );
      stream.on("error", reject);
      stream.end(headers[":method"] === "GET" ? undefined : body);
    });
  return { emulator, session, key, device, post, advance: (ms: number) => (now += ms), now: () => now };
}

describe("APNs emulator", () => {
  it("accepts a good push, echoes the apns-id and wakes the device's listener", async () => {
    const { emulator, device, post } = await setup();
    const received = emulator.deliveries.next(device);
    const id = "123e4567-e89b-12d3-a456-426614174000";
    const response = await post({ "apns-id": id, "apns-priority": "10" });
    expect(response.status).toBe(200);
    expect(response.headers["apns-id"]).toBe(id);
    expect(await received).toMatchObject({
      token: device,
      topic: TOPIC,
      id,
      pushType: "alert",
      priority: "10",
    });
    const generated = await post({});
    expect(String(generated.headers["apns-id"])).toMatch(/^[0-9a-f-]{36}$/);
  });

  it.each([
    [{ ":method": "GET" }, 405, "MethodNotAllowed"],
    [{ ":path": "/2/device/abc" }, 404, "BadPath"],
    [{ ":path": "/3/device/" }, 400, "MissingDeviceToken"],
    [{ ":path": "/3/device/xyz" }, 400, "BadDeviceToken"],
    [{ ":path": `/3/device/${"ab".repeat(32)}` }, 400, "BadDeviceToken"],
    [{ "apns-topic": undefined }, 400, "MissingTopic"],
    [{ "apns-topic": "com.example.other" }, 400, "DeviceTokenNotForTopic"],
    [{ "apns-push-type": "shout" }, 400, "InvalidPushType"],
    [{ "apns-priority": "7" }, 400, "BadPriority"],
    [{ "apns-push-type": "background", "apns-priority": "10" }, 400, "BadPriority"],
    [{ "apns-expiration": "tomorrow" }, 400, "BadExpirationDate"],
    [{ "apns-collapse-id": "c".repeat(65) }, 400, "BadCollapseId"],
    [{ "apns-id": "not-a-uuid" }, 400, "BadMessageId"],
    [{ authorization: undefined }, 403, "MissingProviderToken"],
    [{ authorization: "bearer abc.def.ghi" }, 403, "InvalidProviderToken"],
  ])("answers %j with %i %s", async (headers, status, reason) => {
    const { post } = await setup();
    const response = await post(headers as OutgoingHttpHeaders);
    expect(response.status).toBe(status);
    expect(response.json).toEqual({ reason });
  });

  it("answers 400 PayloadEmpty, and 413 PayloadTooLarge above 4096 bytes (5120 for VoIP)", async () => {
    const { post } = await setup();
    expect((await post({}, "")).json).toEqual({ reason: "PayloadEmpty" });
    expect((await post({}, "x".repeat(4096))).status).toBe(200);
    expect(await post({}, "x".repeat(4097))).toMatchObject({
      status: 413,
      json: { reason: "PayloadTooLarge" },
    });
    expect((await post({ "apns-push-type": "voip" }, "x".repeat(5120))).status).toBe(200);
    expect((await post({ "apns-push-type": "voip" }, "x".repeat(5121))).status).toBe(413);
  });

  it("answers 410 Unregistered with the timestamp in milliseconds", async () => {
    const { emulator, device, post } = await setup();
    const at = new Date("2026-02-01T10:00:00Z");
    emulator.unregisterDevice(device, at);
    expect(await post({})).toMatchObject({
      status: 410,
      json: { reason: "Unregistered", timestamp: at.getTime() },
    });
  });

  it("checks the provider token: signature, team, algorithm, age and how often it changes", async () => {
    const { emulator, key, post, advance, now } = await setup();
    const other = emulator.createSigningKey();
    const forged = jwt({ ...other, keyId: key.keyId, teamId: key.teamId }, Math.floor(now() / 1000));
    expect((await post({ authorization: `bearer ${forged}` })).json).toEqual({
      reason: "InvalidProviderToken",
    });
    const wrongTeam = jwt(key, Math.floor(now() / 1000), { iss: "OTHERTEAM1" });
    expect((await post({ authorization: `bearer ${wrongTeam}` })).json).toEqual({
      reason: "InvalidProviderToken",
    });
    const hs256 = jwt(key, Math.floor(now() / 1000), { alg: "HS256" });
    expect((await post({ authorization: `bearer ${hs256}` })).json).toEqual({
      reason: "InvalidProviderToken",
    });
    expect((await post({})).status).toBe(200);
    advance(5 * 60_000);
    const early = jwt(key, Math.floor(now() / 1000));
    expect(await post({ authorization: `bearer ${early}` })).toMatchObject({
      status: 429,
      json: { reason: "TooManyProviderTokenUpdates" },
    });
    advance(56 * 60_000);
    expect(await post({})).toMatchObject({ status: 403, json: { reason: "ExpiredProviderToken" } });
    expect((await post({ authorization: `bearer ${jwt(key, Math.floor(now() / 1000))}` })).status).toBe(200);
  });

  it("allows one stream until a valid token, then its configured limit", async () => {
    const { session, post } = await setup({ maxConcurrentStreams: 17 });
    if (session.remoteSettings.maxConcurrentStreams !== 1) await once(session, "remoteSettings");
    expect(session.remoteSettings.maxConcurrentStreams).toBe(1);
    const settings = once(session, "remoteSettings");
    await post({});
    await settings;
    expect(session.remoteSettings.maxConcurrentStreams).toBe(17);
  });

  it("injects errors with Retry-After, latency, and dropped connections", async () => {
    const { emulator, post, session } = await setup();
    emulator.faults.failNext({ status: 503, reason: "ServiceUnavailable", retryAfterSeconds: 7 });
    const failed = await post({});
    expect(failed).toMatchObject({ status: 503, json: { reason: "ServiceUnavailable" } });
    expect(failed.headers["retry-after"]).toBe("7");
    emulator.faults.set({ latencyMs: 120 });
    const started = performance.now();
    expect((await post({})).status).toBe(200);
    expect(performance.now() - started).toBeGreaterThanOrEqual(100);
    emulator.faults.reset();
    emulator.faults.dropNext();
    // No answer at all: the stream ends or errors with the connection.
    expect((await post({}).catch(() => ({ status: 0 }))).status).toBe(0);
    expect(session.destroyed || session.closed).toBe(true);
  });

  it("applies an error rate drawn from its random source", async () => {
    const draws = [0.05, 0.5, 0.05, 0.9];
    const { emulator, post } = await setup({ random: () => draws.shift() ?? 0.9 });
    emulator.faults.set({ errorRate: 0.1, error: { status: 500, reason: "InternalServerError" } });
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await post({})).status);
    expect(statuses).toEqual([500, 200, 500, 200]);
  });
});
