import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { WnsEmulator, type WnsApp } from "./wns-emulator.js";

let emulator: WnsEmulator;
let app: WnsApp;
beforeEach(async () => {
  emulator = await WnsEmulator.start();
  app = emulator.createApp();
});
afterEach(() => emulator.close());

async function token(form: Partial<Record<string, string>> = {}) {
  const body = new URLSearchParams({
    grant_type: "client_credentials",
    client_id: app.clientId,
    client_secret: app.clientSecret,
    scope: "notify.windows.com",
    ...form,
  } as Record<string, string>);
  const response = await fetch(emulator.tokenUrl, { method: "POST", body });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

async function notify(
  channel: string,
  headers: Record<string, string>,
  body: Uint8Array = new Uint8Array([1]),
) {
  const response = await fetch(channel, { method: "POST", headers, body });
  return { status: response.status, header: (name: string) => response.headers.get(name) };
}

describe("WNS emulator", () => {
  it("issues access tokens for the client-credentials grant, and refuses bad ones", async () => {
    expect(await token()).toMatchObject({ status: 200, body: { token_type: "bearer", expires_in: 86400 } });
    expect((await token({ client_secret: "x" })).body.error).toBe("invalid_client");
    expect((await token({ scope: "other" })).body.error).toBe("invalid_scope");
    expect((await token({ grant_type: "password" })).body.error).toBe("unsupported_grant_type");
  });

  it("delivers a raw notification and answers with the X-WNS headers", async () => {
    const channel = emulator.createChannel(app.clientId);
    const bearer = `Bearer ${String((await token()).body.access_token)}`;
    const received = emulator.deliveries.next(channel);
    const sent = await notify(channel, {
      authorization: bearer,
      "x-wns-type": "wns/raw",
      "content-type": "application/octet-stream",
    });
    expect(sent.status).toBe(200);
    expect(sent.header("x-wns-notificationstatus")).toBe("received");
    expect(sent.header("x-wns-deviceconnectionstatus")).toBe("connected");
    expect(sent.header("x-wns-msg-id")).toBe((await received).messageId);
  });

  it("answers 400, 401, 404, 410, 413 and 406 as WNS does", async () => {
    const channel = emulator.createChannel(app.clientId);
    const bearer = `Bearer ${String((await token()).body.access_token)}`;
    const raw = {
      authorization: bearer,
      "x-wns-type": "wns/raw",
      "content-type": "application/octet-stream",
    };
    expect((await notify(channel, { ...raw, "x-wns-type": "wns/shout" })).status).toBe(400);
    expect((await notify(channel, { ...raw, "content-type": "text/xml" })).status).toBe(400);
    expect((await notify(channel, { ...raw, authorization: "Bearer nope" })).status).toBe(401);
    expect((await notify(`${emulator.url}/?token=unknown`, raw)).status).toBe(404);
    expect((await notify(channel, raw, new Uint8Array(5001))).status).toBe(413);
    emulator.faults.failNext({ status: 406, reason: "Throttled" });
    const throttled = await notify(channel, raw);
    expect(throttled.status).toBe(406);
    expect(throttled.header("x-wns-notificationstatus")).toBe("channelthrottled");
    emulator.expireChannel(channel);
    expect((await notify(channel, raw)).status).toBe(410);
  });
});
