import { WnsEmulator } from "@meridian/emulators";
import { afterEach, describe, expect, it } from "vitest";
import { fakeTime, MINUTE } from "../testing/fake-time.js";
import { WnsClient, type WnsClientOptions } from "./wns-client.js";

const cleanup: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const step of cleanup.splice(0).reverse()) await step();
});

async function setup(tls = false) {
  const time = fakeTime(Date.now());
  const emulator = await WnsEmulator.start({ clock: time.clock, tls, tokenLifetimeSeconds: 3600 });
  cleanup.push(() => emulator.close());
  const app = emulator.createApp();
  const client = (options: Partial<WnsClientOptions> = {}) => {
    const created = new WnsClient({
      credentials: app,
      tokenUrl: emulator.tokenUrl,
      allowedChannelHosts: ["127.0.0.1"],
      clock: time.clock,
      sleep: time.sleep,
      ...(emulator.ca ? { ca: emulator.ca } : {}),
      ...options,
    });
    cleanup.push(() => created.close());
    return created;
  };
  return { time, emulator, app, client, channel: emulator.createChannel(app.clientId) };
}

describe("WnsClient", () => {
  it("sends a raw notification over HTTPS and reports the device as connected", async () => {
    const { emulator, client, channel } = await setup(true);
    const received = emulator.deliveries.next(channel);
    const result = await client().send({ token: channel, body: Buffer.from([1, 2, 3]) });
    expect(result).toMatchObject({
      status: "delivered",
      deviceConnection: "connected",
      id: expect.any(String),
    });
    const delivery = await received;
    expect(delivery).toMatchObject({ type: "wns/raw", contentType: "application/octet-stream" });
    expect([...delivery.body]).toEqual([1, 2, 3]);
  });

  it("on 401 fetches a new access token once and delivers", async () => {
    const { emulator, client, channel } = await setup();
    const wns = client();
    await wns.send({ token: channel });
    emulator.revokeAccessTokens();
    expect(await wns.send({ token: channel })).toMatchObject({ status: "delivered", attempts: 2 });
    expect(emulator.stats.tokensIssued).toBe(2);
  });

  it("reuses its access token until near expiry", async () => {
    const { emulator, client, channel, time } = await setup();
    const wns = client();
    await wns.send({ token: channel });
    time.advance(50 * MINUTE);
    await wns.send({ token: channel });
    expect(emulator.stats.tokensIssued).toBe(1);
    time.advance(6 * MINUTE);
    expect(await wns.send({ token: channel })).toMatchObject({ status: "delivered", attempts: 1 });
    expect(emulator.stats.tokensIssued).toBe(2);
  });

  it("reports a wrong client secret as refused credentials", async () => {
    const { client, channel, app } = await setup();
    const result = await client({ credentials: { ...app, clientSecret: "wrong" } }).send({ token: channel });
    expect(result).toMatchObject({ status: "failed", reason: "CredentialsRejected" });
    expect(result.status === "failed" && result.error.message).toMatch(/client secret/);
  });

  it("sends nothing to a channel URI outside the WNS hosts: the access token stays ours", async () => {
    const { emulator, client } = await setup();
    const wns = client({ allowedChannelHosts: undefined });
    const result = await wns.send({ token: emulator.createChannel("x") });
    expect(result).toMatchObject({ status: "token_invalid", reason: "ChannelInvalid", attempts: 0 });
    expect(emulator.stats.requests).toBe(0);
  });

  it("caches for an offline device unless told not to, and says when WNS dropped the notification", async () => {
    const { emulator, client, channel } = await setup();
    const wns = client();
    emulator.setDeviceConnected(channel, false);
    expect(await wns.send({ token: channel, ttlSeconds: 0 })).toMatchObject({
      status: "retry_later",
      reason: "Dropped",
    });
    const cached = await wns.send({ token: channel, data: { later: "yes" } });
    expect(cached).toMatchObject({ status: "delivered", deviceConnection: "disconnected" });
    const received = emulator.deliveries.next(channel);
    emulator.setDeviceConnected(channel, true);
    expect(JSON.parse((await received).body.toString())).toEqual({ later: "yes" });
  });

  it("reports a channel of another app as refused, and a payload over 5000 bytes as invalid", async () => {
    const { emulator, client, channel } = await setup();
    const wns = client();
    const foreign = await wns.send({ token: emulator.createChannel(emulator.createApp().clientId) });
    expect(foreign).toMatchObject({ status: "failed", reason: "HTTP 403" });
    expect(foreign.status === "failed" && foreign.error.code).toBe("credentials_rejected");
    const big = await wns.send({ token: channel, body: Buffer.alloc(5_001) });
    expect(big).toMatchObject({ status: "failed", reason: "HTTP 413", attempts: 1 });
  });
});
