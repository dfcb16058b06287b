import { generateKeyPairSync, randomBytes, type KeyObject } from "node:crypto";
import { decodeJwt, jwtVerify } from "jose";
import type { Clock } from "../clock.js";

export interface ServiceAccountKey {
  clientEmail: string;
  projectId: string;
  publicKey: KeyObject;
}

export interface IssuedAccessToken {
  clientEmail: string;
  projectId: string;
  expiresAt: number;
}

export type TokenGrant =
  | { ok: true; accessToken: string; expiresIn: number }
  | { ok: false; status: 400 | 401; error: string; description: string };

const ACCEPTED_SCOPES = new Set([
  "https://www.googleapis.com/auth/firebase.messaging",
  "https://www.googleapis.com/auth/cloud-platform",
]);
const LIFETIME_S = 3599;

/**
 * Google's OAuth token endpoint for the JWT bearer grant: the assertion must be signed (RS256) by a
 * registered service account, addressed to this endpoint, at most an hour long and current, and ask
 * for a scope FCM accepts.
 */
export class OAuthTokenEndpoint {
  private readonly accounts = new Map<string, ServiceAccountKey>();
  private readonly issued = new Map<string, IssuedAccessToken>();
  /** Access tokens issued so far. */
  grants = 0;

  constructor(
    private readonly audience: string,
    private readonly clock: Clock,
  ) {}

  register(account: ServiceAccountKey): void {
    this.accounts.set(account.clientEmail, account);
  }

  /** A new service account and its key file's JSON, as the Firebase console downloads it. */
  createServiceAccount(projectId: string): Record<string, string> {
    const { publicKey, privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
    const name = `push-${randomBytes(3).toString("hex")}`;
    const clientEmail = `${name}@${projectId}.iam.gserviceaccount.com`;
    this.register({ clientEmail, projectId, publicKey });
    return {
      type: "service_account",
      project_id: projectId,
      private_key_id: randomBytes(20).toString("hex"),
      private_key: privateKey.export({ type: "pkcs8", format: "pem" }).toString(),
      client_email: clientEmail,
      client_id: String(BigInt(`0x${randomBytes(8).toString("hex")}`)),
      token_uri: this.audience,
    };
  }

  async grant(form: URLSearchParams): Promise<TokenGrant> {
    if (form.get("grant_type") !== "urn:ietf:params:oauth:grant-type:jwt-bearer")
      return { ok: false, status: 400, error: "unsupported_grant_type", description: "Invalid grant_type." };
    const assertion = form.get("assertion") ?? "";
    let issuer: string | undefined;
    try {
      issuer = decodeJwt(assertion).iss;
    } catch {
      return {
        ok: false,
        status: 400,
        error: "invalid_grant",
        description: "Invalid JWT: malformed assertion.",
      };
    }
    const account = issuer ? this.accounts.get(issuer) : undefined;
    if (!account)
      return {
        ok: false,
        status: 401,
        error: "invalid_client",
        description: "The OAuth client was not found.",
      };
    const now = this.clock.now();
    let claims;
    try {
      ({ payload: claims } = await jwtVerify(assertion, account.publicKey, {
        algorithms: ["RS256"],
        issuer: account.clientEmail,
        audience: this.audience,
        currentDate: new Date(now),
        clockTolerance: 60,
        requiredClaims: ["iat", "exp"],
      }));
    } catch (error) {
      const signature = error instanceof Error && /signature/i.test(error.message);
      return {
        ok: false,
        status: 400,
        error: "invalid_grant",
        description: signature
          ? "Invalid JWT Signature."
          : `Invalid JWT: ${error instanceof Error ? error.message : ""}`,
      };
    }
    if (claims.exp! - claims.iat! > 3600)
      return {
        ok: false,
        status: 400,
        error: "invalid_grant",
        description:
          "Invalid JWT: Token must be a short-lived token (60 minutes) and in a reasonable timeframe.",
      };
    const scopes = String(claims.scope ?? "").split(" ");
    if (!scopes.some((scope) => ACCEPTED_SCOPES.has(scope)))
      return { ok: false, status: 400, error: "invalid_scope", description: "No FCM scope was requested." };
    this.grants++;
    const accessToken = `ya29.emulated-${randomBytes(24).toString("base64url")}`;
    this.issued.set(accessToken, {
      clientEmail: account.clientEmail,
      projectId: account.projectId,
      expiresAt: now + LIFETIME_S * 1000,
    });
    return { ok: true, accessToken, expiresIn: LIFETIME_S };
  }

  /** The token's grant if it is known and not expired. */
  lookup(accessToken: string): IssuedAccessToken | undefined {
    const token = this.issued.get(accessToken);
    return token && token.expiresAt > this.clock.now() ? token : undefined;
  }

  /** Every access token issued so far stops working (a key rotated, say). */
  revokeAll(): void {
    this.issued.clear();
  }
}
