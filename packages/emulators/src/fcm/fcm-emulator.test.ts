import { createPrivateKey } from "node:crypto";
import { SignJWT } from "jose";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { FcmEmulator } from "./fcm-emulator.js";

const SCOPE = "https://www.googleapis.com/auth/firebase.messaging";
let emulator: FcmEmulator;
let account: Record<string, string>;
beforeEach(async () => {
  emulator = await FcmEmulator.start();
  account = emulator.createServiceAccount("proj-1");
});
afterEach(() => emulator.close());

async function assertion(
  claims: Record<string, unknown> = {},
  lifetime = 3600,
  key = account.private_key!,
  audience = emulator.tokenUri,
) {
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT({ scope: SCOPE, ...claims })
    .setProtectedHeader({ alg: "RS256", typ: "JWT" })
    .setIssuer(account.client_email!)
    .setAudience(audience)
    .setIssuedAt(now)
    .setExpirationTime(now + lifetime)
    .sign(createPrivateKey(key));
}

async function token(form: Record<string, string>) {
  const response = await fetch(emulator.tokenUri, { method: "POST", body: new URLSearchParams(form) });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

interface GoogleErrorBody {
  name?: string;
  error: { code: number; message: string; status: string; details?: Array<Record<string, string>> };
}

const GRANT = "urn:ietf:params:oauth:grant-type:jwt-bearer";

async function send(accessToken: string, body: unknown, project = "proj-1") {
  const response = await fetch(`${emulator.url}/v1/projects/${project}/messages:send`, {
    method: "POST",
    headers: { authorization: `Bearer ${accessToken}`, "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as GoogleErrorBody };
}

describe("FCM emulator: OAuth token endpoint", () => {
  it("grants an access token for a good assertion", async () => {
    const granted = await token({ grant_type: GRANT, assertion: await assertion() });
    expect(granted).toMatchObject({ status: 200, body: { token_type: "Bearer", expires_in: 3599 } });
    expect(String(granted.body.access_token)).toMatch(/^ya29\./);
  });

  it("refuses a wrong grant type, a foreign signature, a long lifetime, a wrong audience, and a missing scope", async () => {
    expect((await token({ grant_type: "client_credentials", assertion: await assertion() })).body.error).toBe(
      "unsupported_grant_type",
    );
    const other = emulator.createServiceAccount("proj-2");
    const forged = await token({
      grant_type: GRANT,
      assertion: await assertion({}, 3600, other.private_key),
    });
    expect(forged).toMatchObject({
      status: 400,
      body: { error: "invalid_grant", error_description: "Invalid JWT Signature." },
    });
    expect((await token({ grant_type: GRANT, assertion: await assertion({}, 7200) })).body.error).toBe(
      "invalid_grant",
    );
    expect(
      (
        await token({
          grant_type: GRANT,
          assertion: await assertion({}, 3600, undefined, "https://elsewhere/token"),
        })
      ).body.error,
    ).toBe("invalid_grant");
    expect(
      (await token({ grant_type: GRANT, assertion: await assertion({ scope: "email" }) })).body.error,
    ).toBe("invalid_scope");
  });
});

describe("FCM emulator: messages:send", () => {
  let accessToken: string;
  beforeEach(async () => {
    accessToken = String(
      (await token({ grant_type: GRANT, assertion: await assertion() })).body.access_token,
    );
  });

  it("delivers to a registered token and names the message", async () => {
    const device = emulator.registerDevice("proj-1");
    const received = emulator.deliveries.next(device);
    const response = await send(accessToken, { message: { token: device, data: { a: "b" } } });
    expect(response.status).toBe(200);
    expect(response.body.name).toMatch(/^projects\/proj-1\/messages\/0:/);
    expect((await received).data).toEqual({ a: "b" });
    const dryRun = await send(accessToken, { validate_only: true, message: { token: device } });
    expect(dryRun.status).toBe(200);
    expect(emulator.deliveries.count).toBe(1);
  });

  it("answers in Google's error shape with FCM's error codes", async () => {
    const device = emulator.registerDevice("proj-1");
    emulator.unregisterDevice(device);
    const gone = await send(accessToken, { message: { token: device } });
    expect(gone).toEqual({
      status: 404,
      body: {
        error: {
          code: 404,
          message: "Requested entity was not found.",
          status: "NOT_FOUND",
          details: [
            { "@type": "type.googleapis.com/google.firebase.fcm.v1.FcmError", errorCode: "UNREGISTERED" },
          ],
        },
      },
    });
    const bogus = await send(accessToken, { message: { token: "bogus" } });
    expect(bogus.body.error).toMatchObject({
      status: "INVALID_ARGUMENT",
      details: [{ errorCode: "INVALID_ARGUMENT" }],
    });
    const noTarget = await send(accessToken, { message: { data: {} } });
    expect(noTarget.body.error.message).toBe("Recipient of the message is not set.");
    const numbers = await send(accessToken, { message: { token: device, data: { n: 1 } } });
    expect(numbers.status).toBe(400);
    const badTtl = await send(accessToken, { message: { token: device, android: { ttl: "10m" } } });
    expect(badTtl.status).toBe(400);
  });

  it("refuses a missing or unknown access token, and another project", async () => {
    const device = emulator.registerDevice("proj-1");
    expect((await send("nope", { message: { token: device } })).body.error.status).toBe("UNAUTHENTICATED");
    expect((await send(accessToken, { message: { token: device } }, "proj-9")).body.error.status).toBe(
      "PERMISSION_DENIED",
    );
  });

  it("injects QUOTA_EXCEEDED with Retry-After", async () => {
    const device = emulator.registerDevice("proj-1");
    emulator.faults.failNext({ status: 429, reason: "QUOTA_EXCEEDED", retryAfterSeconds: 60 });
    const response = await fetch(`${emulator.url}/v1/projects/proj-1/messages:send`, {
      method: "POST",
      headers: { authorization: `Bearer ${accessToken}` },
      body: JSON.stringify({ message: { token: device } }),
    });
    expect(response.status).toBe(429);
    expect(response.headers.get("retry-after")).toBe("60");
    expect(((await response.json()) as GoogleErrorBody).error).toMatchObject({
      status: "RESOURCE_EXHAUSTED",
      details: [{ errorCode: "QUOTA_EXCEEDED" }],
    });
  });
});
