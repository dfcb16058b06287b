import { createPublicKey, generateKeyPairSync, verify } from "node:crypto";
import { describe, expect, it } from "vitest";
import { PushError } from "../errors.js";
import { fakeTime, MINUTE } from "../testing/fake-time.js";
import { ProviderToken } from "./provider-token.js";

const { privateKey, publicKey } = generateKeyPairSync("ec", { namedCurve: "P-256" });
const key = {
  keyId: "ABC123DEFG",
  teamId: "TEAM123456",
  privateKey: privateKey.export({ type: "pkcs8", format: "pem" }).toString(),
};

function decode(jwt: string) {
  const [header, claims, signature] = jwt.split(".") as [string, string, string];
  return {
    header: JSON.parse(Buffer.from(header, "base64url").toString()) as Record<string, unknown>,
    claims: JSON.parse(Buffer.from(claims, "base64url").toString()) as Record<string, unknown>,
    valid: verify(
      "sha256",
      Buffer.from(`${header}.${claims}`),
      { key: publicKey, dsaEncoding: "ieee-p1363" },
      Buffer.from(signature, "base64url"),
    ),
  };
}

describe("ProviderToken", () => {
  it("is an ES256 JWT with kid, iss and iat that the key's public half verifies", () => {
    const time = fakeTime();
    const token = new ProviderToken(key, time.clock, () => 0);
    const { header, claims, valid } = decode(token.current());
    expect(header).toEqual({ alg: "ES256", kid: "ABC123DEFG" });
    expect(claims).toEqual({ iss: "TEAM123456", iat: Math.floor(time.clock.now() / 1000) });
    expect(valid).toBe(true);
  });

  it.each([
    ["earliest", 0, 40],
    ["latest", 0.9999, 55],
  ])("is reused until its renewal age (%s draw: %i min), then renewed", (_label, draw, minutes) => {
    const time = fakeTime();
    const token = new ProviderToken(key, time.clock, () => draw);
    const first = token.current();
    time.advance(minutes * MINUTE - 1_000);
    expect(token.current()).toBe(first);
    time.advance(1_000);
    const second = token.current();
    expect(second).not.toBe(first);
    expect(token.renewals).toBe(2);
    expect(decode(second).claims.iat).toBe(Math.floor(time.clock.now() / 1000));
  });

  it("spreads renewal across 40 to 55 minutes, never sooner, over many draws", () => {
    const ages: number[] = [];
    for (let i = 0; i < 50; i++) {
      const time = fakeTime();
      const token = new ProviderToken(key, time.clock, Math.random);
      const first = token.current();
      let age = 0;
      while (token.current() === first) {
        time.advance(MINUTE);
        age += MINUTE;
      }
      ages.push(age / MINUTE);
    }
    expect(Math.min(...ages)).toBeGreaterThanOrEqual(40);
    expect(Math.max(...ages)).toBeLessThanOrEqual(55);
    expect(new Set(ages).size).toBeGreaterThan(3);
  });

  it("renews after a rejection only once it is 20 minutes old, and says why when not", () => {
    const time = fakeTime();
    const token = new ProviderToken(key, time.clock, () => 0);
    const first = token.current();
    time.advance(19 * MINUTE);
    const refused = token.renewAfterRejection(first);
    expect(refused.ok).toBe(false);
    expect(!refused.ok && refused.error.code).toBe("credentials_rejected");
    expect(!refused.ok && refused.error.message).toMatch(/clock/);
    expect(token.current()).toBe(first);
    time.advance(MINUTE);
    const renewed = token.renewAfterRejection(first);
    expect(renewed.ok && renewed.token).not.toBe(first);
    // A second rejection of the old token (a request that was in flight) does not renew again.
    const again = token.renewAfterRejection(first);
    expect(again.ok && again.token).toBe(renewed.ok && renewed.token);
    expect(token.renewals).toBe(2);
  });

  it("refuses keys that are not Apple's P-256 .p8 keys, with a clear error", () => {
    const time = fakeTime();
    const rsa = generateKeyPairSync("rsa", { modulusLength: 1024 }).privateKey.export({
      type: "pkcs8",
      format: "pem",
    });
    expect(() => new ProviderToken({ ...key, privateKey: rsa.toString() }, time.clock, Math.random)).toThrow(
      PushError,
    );
    expect(() => new ProviderToken({ ...key, privateKey: "not a key" }, time.clock, Math.random)).toThrow(
      /\.p8/,
    );
    expect(() => new ProviderToken({ ...key, keyId: "short" }, time.clock, Math.random)).toThrow(
      /10 letters/,
    );
    expect(createPublicKey(privateKey).asymmetricKeyType).toBe("ec");
  });
});
