import { createPrivateKey, sign, type KeyObject } from "node:crypto";
import type { Clock, Random } from "../clock.js";
import { PushError } from "../errors.js";

export interface ProviderTokenKey {
  /** The 10-character Key ID of the .p8 key. */
  keyId: string;
  /** The 10-character Team ID that owns the key. */
  teamId: string;
  /** The .p8 file's contents (PKCS#8 PEM, P-256). */
  privateKey: string | KeyObject;
}

export interface ProviderTokenTiming {
  /** APNs refuses tokens renewed more often than this (TooManyProviderTokenUpdates). */
  minAgeMs: number;
  /** Renew somewhere between these ages, before APNs's one-hour limit. */
  renewAfterMinMs: number;
  renewAfterMaxMs: number;
}

const MINUTE = 60_000;

export const DEFAULT_PROVIDER_TOKEN_TIMING: ProviderTokenTiming = {
  minAgeMs: 20 * MINUTE,
  renewAfterMinMs: 40 * MINUTE,
  renewAfterMaxMs: 55 * MINUTE,
};

interface SignedToken {
  jwt: string;
  issuedAt: number;
  renewAt: number;
}

const base64url = (value: object) => Buffer.from(JSON.stringify(value)).toString("base64url");

/**
 * The ES256 provider token for APNs token authentication. Signing happens once per renewal, not per
 * request: every request reads the same string. Each token picks its own renewal moment between 40
 * and 55 minutes, so the tokens of many keys do not all renew in the same second.
 */
export class ProviderToken {
  private readonly key: KeyObject;
  private readonly header: string;
  private token: SignedToken | undefined;
  /** Tokens signed so far. */
  renewals = 0;

  constructor(
    private readonly credentials: ProviderTokenKey,
    private readonly clock: Clock,
    private readonly random: Random,
    private readonly timing: ProviderTokenTiming = DEFAULT_PROVIDER_TOKEN_TIMING,
  ) {
    if (!/^[A-Z0-9]{10}$/i.test(credentials.keyId) || !/^[A-Z0-9]{10}$/i.test(credentials.teamId))
      throw new PushError(
        "invalid_credentials",
        "The APNs key ID and team ID are each 10 letters or digits, as shown in the Apple developer account.",
      );
    try {
      this.key =
        typeof credentials.privateKey === "string"
          ? createPrivateKey(credentials.privateKey)
          : credentials.privateKey;
    } catch (cause) {
      throw new PushError(
        "invalid_credentials",
        "The APNs signing key is not a readable .p8 (PKCS#8 PEM) key.",
        {
          cause,
        },
      );
    }
    if (this.key.asymmetricKeyType !== "ec" || this.key.asymmetricKeyDetails?.namedCurve !== "prime256v1")
      throw new PushError(
        "invalid_credentials",
        "The APNs signing key must be the P-256 .p8 key Apple issued.",
      );
    this.header = base64url({ alg: "ES256", kid: credentials.keyId });
  }

  /** The token to send now, renewed first if it has reached its renewal age. */
  current(): string {
    const now = this.clock.now();
    if (!this.token || now >= this.token.renewAt) this.token = this.sign(now);
    return this.token.jwt;
  }

  /**
   * APNs refused `rejected` as expired. Renews unless a renewal already happened since, or the token is
   * younger than APNs's 20-minute floor: then renewing would earn TooManyProviderTokenUpdates, and the
   * refusal means something else is wrong (the machine's clock, a revoked key), which the caller reports.
   */
  renewAfterRejection(rejected: string): { ok: true; token: string } | { ok: false; error: PushError } {
    const now = this.clock.now();
    const token = this.token;
    if (token && token.jwt !== rejected) return { ok: true, token: token.jwt };
    if (token && now - token.issuedAt < this.timing.minAgeMs) {
      const minutes = Math.round((now - token.issuedAt) / MINUTE);
      return {
        ok: false,
        error: new PushError(
          "credentials_rejected",
          `APNs refused a provider token signed ${minutes} min ago as expired (ExpiredProviderToken). ` +
            "Check that this machine's clock is right and that key " +
            `${this.credentials.keyId} of team ${this.credentials.teamId} has not been revoked.`,
        ),
      };
    }
    this.token = this.sign(now);
    return { ok: true, token: this.token.jwt };
  }

  /** Epoch ms at which the current token was signed, if any. */
  get issuedAt(): number | undefined {
    return this.token?.issuedAt;
  }

  private sign(now: number): SignedToken {
    const { renewAfterMinMs, renewAfterMaxMs } = this.timing;
    const claims = base64url({ iss: this.credentials.teamId, iat: Math.floor(now / 1000) });
    const input = `${this.header}.${claims}`;
    const signature = sign("sha256", Buffer.from(input), { key: this.key, dsaEncoding: "ieee-p1363" });
    this.renewals++;
    const renewAt = now + renewAfterMinMs + Math.floor(this.random() * (renewAfterMaxMs - renewAfterMinMs));
    return { jwt: `${input}.${signature.toString("base64url")}`, issuedAt: now, renewAt };
  }
}
