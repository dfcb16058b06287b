import { createPublicKey, generateKeyPairSync, randomBytes, verify, type KeyObject } from "node:crypto";
import type { Clock } from "../clock.js";

export interface SigningKey {
  teamId: string;
  keyId: string;
  /** The public half of the .p8 key: PEM, or a KeyObject. */
  publicKey: string | KeyObject;
}

/** Credentials the emulator made: what a provider's configuration needs. */
export interface IssuedSigningKey {
  teamId: string;
  keyId: string;
  /** PKCS#8 PEM, the content of a .p8 file. */
  privateKey: string;
}

export type TokenVerdict =
  | { ok: true }
  | {
      ok: false;
      status: 403 | 429;
      reason:
        | "MissingProviderToken"
        | "InvalidProviderToken"
        | "ExpiredProviderToken"
        | "TooManyProviderTokenUpdates";
    };

interface Verified {
  teamId: string;
  keyId: string;
  issuedAtMs: number;
}

const MINUTE = 60_000;
const MAX_CACHED = 10_000;

/**
 * Checks provider tokens as APNs does: ES256 by a registered key, no older than an hour, and not
 * replaced more often than every 20 minutes per key. Signatures are checked once per distinct token,
 * as APNs does per connection, so a benchmark measures the client rather than this check.
 */
export class ProviderTokenVerifier {
  private readonly keys = new Map<string, KeyObject>();
  private readonly verified = new Map<string, Verified>();
  private readonly currentByKey = new Map<string, { jwt: string; since: number }>();

  constructor(
    private readonly clock: Clock,
    private readonly limits = { maxAgeMs: 60 * MINUTE, minUpdateIntervalMs: 20 * MINUTE },
  ) {}

  register(key: SigningKey): void {
    const publicKey = typeof key.publicKey === "string" ? createPublicKey(key.publicKey) : key.publicKey;
    this.keys.set(`${key.teamId}/${key.keyId}`, publicKey);
  }

  /** A fresh P-256 key registered under random 10-character team and key IDs (or the ones given). */
  issue(teamId = randomId(), keyId = randomId()): IssuedSigningKey {
    const { publicKey, privateKey } = generateKeyPairSync("ec", { namedCurve: "P-256" });
    this.register({ teamId, keyId, publicKey });
    return { teamId, keyId, privateKey: privateKey.export({ type: "pkcs8", format: "pem" }).toString() };
  }

  check(authorization: string | undefined): TokenVerdict {
    if (!authorization) return { ok: false, status: 403, reason: "MissingProviderToken" };
    const match = /^bearer (.+)$/i.exec(authorization);
    const jwt = match?.[1];
    if (!jwt) return { ok: false, status: 403, reason: "InvalidProviderToken" };
    const token = this.verified.get(jwt) ?? this.verify(jwt);
    if (!token) return { ok: false, status: 403, reason: "InvalidProviderToken" };
    const now = this.clock.now();
    if (now - token.issuedAtMs > this.limits.maxAgeMs)
      return { ok: false, status: 403, reason: "ExpiredProviderToken" };
    const slot = `${token.teamId}/${token.keyId}`;
    const current = this.currentByKey.get(slot);
    if (current && current.jwt !== jwt) {
      if (now - current.since < this.limits.minUpdateIntervalMs)
        return { ok: false, status: 429, reason: "TooManyProviderTokenUpdates" };
      this.currentByKey.set(slot, { jwt, since: now });
    } else if (!current) this.currentByKey.set(slot, { jwt, since: now });
    return { ok: true };
  }

  private verify(jwt: string): Verified | undefined {
    const parts = jwt.split(".");
    if (parts.length !== 3) return undefined;
    const [headerText = "", claimsText = "", signatureText = ""] = parts;
    let header: { alg?: unknown; kid?: unknown };
    let claims: { iss?: unknown; iat?: unknown };
    try {
      header = JSON.parse(Buffer.from(headerText, "base64url").toString("utf8")) as typeof header;
      claims = JSON.parse(Buffer.from(claimsText, "base64url").toString("utf8")) as typeof claims;
    } catch {
      return undefined;
    }
    if (header.alg !== "ES256" || typeof header.kid !== "string") return undefined;
    if (typeof claims.iss !== "string" || typeof claims.iat !== "number") return undefined;
    const key = this.keys.get(`${claims.iss}/${header.kid}`);
    if (!key) return undefined;
    const signature = Buffer.from(signatureText, "base64url");
    const signed = Buffer.from(`${headerText}.${claimsText}`);
    if (signature.length !== 64 || !verify("sha256", signed, { key, dsaEncoding: "ieee-p1363" }, signature))
      return undefined;
    if (this.verified.size >= MAX_CACHED) this.verified.clear();
    const result = { teamId: claims.iss, keyId: header.kid, issuedAtMs: claims.iat * 1000 };
    this.verified.set(jwt, result);
    return result;
  }
}

function randomId(): string {
  const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
  return [...randomBytes(10)].map((byte) => alphabet[byte % alphabet.length]).join("");
}
