import { SignJWT } from "jose";
import type { Clock } from "../clock.js";
import { PushError } from "../errors.js";
import type { AccessToken } from "../http/access-token-cache.js";
import { jsonBody, type HttpTransport } from "../http/http-request.js";
import type { ServiceAccount } from "./service-account.js";

export const FCM_SCOPE = "https://www.googleapis.com/auth/firebase.messaging";

/**
 * Exchanges a signed assertion for an access token (RFC 7523 JWT bearer grant), as Google's
 * "OAuth 2.0 for Server to Server Applications" describes.
 */
export async function fetchFcmAccessToken(
  account: ServiceAccount,
  transport: HttpTransport,
  clock: Clock,
): Promise<AccessToken> {
  const now = Math.floor(clock.now() / 1000);
  const header = account.privateKeyId
    ? { alg: "RS256", typ: "JWT", kid: account.privateKeyId }
    : { alg: "RS256", typ: "JWT" };
  const assertion = await new SignJWT({ scope: FCM_SCOPE })
    .setProtectedHeader(header)
    .setIssuer(account.clientEmail)
    .setAudience(account.tokenUri)
    .setIssuedAt(now)
    .setExpirationTime(now + 3600)
    .sign(account.privateKey);
  const response = await transport.request(new URL(account.tokenUri), {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({
      grant_type: "urn:ietf:params:oauth:grant-type:jwt-bearer",
      assertion,
    }).toString(),
  });
  const body = jsonBody(response) as
    | { access_token?: unknown; expires_in?: unknown; error?: unknown; error_description?: unknown }
    | undefined;
  if (response.status === 200 && typeof body?.access_token === "string") {
    const lifetime = typeof body.expires_in === "number" ? body.expires_in : 3600;
    return { value: body.access_token, expiresAt: clock.now() + lifetime * 1000 };
  }
  const detail = body?.error
    ? `${String(body.error)}: ${String(body.error_description ?? "")}`
    : `HTTP ${response.status}`;
  if (response.status === 400 || response.status === 401 || response.status === 403)
    throw new PushError(
      "credentials_rejected",
      `Google refused the service account ${account.clientEmail} (${detail}). The key may be deleted or disabled; ` +
        "create a new key, and check this machine's clock.",
    );
  throw new PushError("connection_failed", `The token endpoint ${account.tokenUri} answered ${detail}.`);
}
