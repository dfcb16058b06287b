import { generateKeyPairSync } from "node:crypto";
import { FcmEmulator } from "@meridian/emulators";
import { afterEach, describe, expect, it } from "vitest";
import { fakeTime, MINUTE } from "../testing/fake-time.js";
import { FcmClient, fcmMessage, type FcmClientOptions } from "./fcm-client.js";

const PROJECT = "meridian-fcm-test";
const cleanup: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const step of cleanup.splice(0).reverse()) await step();
});

async function setup() {
  const time = fakeTime(Date.now());
  const emulator = await FcmEmulator.start({ clock: time.clock });
  cleanup.push(() => emulator.close());
  const serviceAccount = emulator.createServiceAccount(PROJECT);
  const client = (options: Partial<FcmClientOptions> = {}) => {
    const created = new FcmClient({
      serviceAccount,
      baseUrl: emulator.url,
      clock: time.clock,
      sleep: time.sleep,
      ...options,
    });
    cleanup.push(() => created.close());
    return created;
  };
  return { time, emulator, serviceAccount, client, device: emulator.registerDevice(PROJECT) };
}

describe("FcmClient", () => {
  it("sends a data message with Android priority, TTL and collapse key", async () => {
    const { emulator, client, device } = await setup();
    const received = emulator.deliveries.next(device);
    const result = await client().send({
      token: device,
      data: { wake: "1" },
      priority: "normal",
      ttlSeconds: 90,
      collapseKey: "c",
    });
    expect(result).toMatchObject({
      status: "delivered",
      id: expect.stringMatching(`^projects/${PROJECT}/messages/`),
    });
    expect((await received).android).toEqual({ priority: "NORMAL", ttl: "90s", collapse_key: "c" });
    expect(fcmMessage({ token: "t" })).toEqual({ token: "t", data: {}, android: { priority: "HIGH" } });
  });

  it("caches the access token until shortly before it expires, one fetch for concurrent sends", async () => {
    const { emulator, client, device, time } = await setup();
    const fcm = client();
    await Promise.all(Array.from({ length: 10 }, () => fcm.send({ token: device })));
    await fcm.send({ token: device });
    expect(emulator.oauth.grants).toBe(1);
    time.advance(54 * MINUTE);
    await fcm.send({ token: device });
    expect(emulator.oauth.grants).toBe(1);
    // The token lasts 3599 s; the client renews in its last five minutes.
    time.advance(1 * MINUTE);
    expect(await fcm.send({ token: device })).toMatchObject({ status: "delivered", attempts: 1 });
    expect(emulator.oauth.grants).toBe(2);
    expect(fcm.accessToken.fetches).toBe(2);
  });

  it("on 401 renews the access token once and delivers", async () => {
    const { emulator, client, device } = await setup();
    const fcm = client();
    await fcm.send({ token: device });
    emulator.oauth.revokeAll();
    expect(await fcm.send({ token: device })).toMatchObject({ status: "delivered", attempts: 2 });
    expect(emulator.oauth.grants).toBe(2);
  });

  it("reports a second 401 in a row as refused credentials, not a loop", async () => {
    const { emulator, client, device } = await setup();
    emulator.faults.failNext({ status: 401, reason: "UNAUTHENTICATED" }, 5);
    const result = await client().send({ token: device });
    expect(result).toMatchObject({ status: "failed", reason: "UNAUTHENTICATED", attempts: 2 });
    expect(result.status === "failed" && result.error.code).toBe("credentials_rejected");
  });

  it("reports a service account the token endpoint does not know as refused credentials", async () => {
    const { client, device, serviceAccount } = await setup();
    const stranger = generateKeyPairSync("rsa", { modulusLength: 2048 }).privateKey.export({
      type: "pkcs8",
      format: "pem",
    });
    const result = await client({
      serviceAccount: { ...serviceAccount, private_key: stranger.toString() },
    }).send({ token: device });
    expect(result).toMatchObject({ status: "failed", reason: "CredentialsRejected", attempts: 1 });
    expect(result.status === "failed" && result.error.message).toMatch(/refused the service account/);
  });

  it("maps SENDER_ID_MISMATCH to an invalid token and a foreign project to refused credentials", async () => {
    const { emulator, client, serviceAccount } = await setup();
    const foreign = emulator.registerDevice("another-project");
    expect(await client().send({ token: foreign })).toMatchObject({
      status: "token_invalid",
      reason: "SENDER_ID_MISMATCH",
    });
    const wrongProject = client({ serviceAccount: { ...serviceAccount, project_id: "another-project" } });
    const result = await wrongProject.send({ token: foreign });
    expect(result).toMatchObject({ status: "failed", reason: "PERMISSION_DENIED" });
    expect(result.status === "failed" && result.error.code).toBe("credentials_rejected");
  });

  it("reports a message FCM refuses (too big, TTL over four weeks) without blaming the token", async () => {
    const { client, device } = await setup();
    const fcm = client();
    const big = await fcm.send({ token: device, data: { blob: "x".repeat(5_000) } });
    expect(big).toMatchObject({ status: "failed", reason: "INVALID_ARGUMENT", attempts: 1 });
    expect(big.status === "failed" && big.error.code).toBe("invalid_notification");
    const ttl = await fcm.send({ token: device, ttlSeconds: 30 * 86_400 });
    expect(ttl).toMatchObject({ status: "failed", reason: "INVALID_ARGUMENT" });
  });

  it("refuses an unusable service-account file at construction, naming what is missing", () => {
    expect(() => new FcmClient({ serviceAccount: "{" })).toThrow(/not JSON/);
    expect(() => new FcmClient({ serviceAccount: { client_email: "a@b" } })).toThrow(
      /private_key, project_id/,
    );
  });
});
