import type { Clock } from "../clock.js";
import { PushError } from "../errors.js";
import type { AccessToken } from "../http/access-token-cache.js";
import { jsonBody, type HttpTransport } from "../http/http-request.js";

export interface WnsAppCredentials {
  /** The Package SID (ms-app://…) or the app registration's client ID. */
  clientId: string;
  clientSecret: string;
}

/** The client-credentials grant at the WNS token endpoint (learn.microsoft.com, "WNS request and response headers"). */
export async function fetchWnsAccessToken(
  credentials: WnsAppCredentials,
  tokenUrl: URL,
  transport: HttpTransport,
  clock: Clock,
): Promise<AccessToken> {
  const response = await transport.request(tokenUrl, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({
      grant_type: "client_credentials",
      client_id: credentials.clientId,
      client_secret: credentials.clientSecret,
      scope: "notify.windows.com",
    }).toString(),
  });
  const body = jsonBody(response) as
    | { access_token?: unknown; expires_in?: unknown; error?: unknown; error_description?: unknown }
    | undefined;
  if (response.status === 200 && typeof body?.access_token === "string") {
    const lifetime = Number(body.expires_in ?? 86_400);
    return {
      value: body.access_token,
      expiresAt: clock.now() + (Number.isFinite(lifetime) ? lifetime : 86_400) * 1000,
    };
  }
  const detail = body?.error
    ? `${String(body.error)}: ${String(body.error_description ?? "")}`
    : `HTTP ${response.status}`;
  if (response.status >= 400 && response.status < 500)
    throw new PushError(
      "credentials_rejected",
      `WNS refused the app credentials for ${credentials.clientId} (${detail}): check the Package SID and client secret.`,
    );
  throw new PushError("connection_failed", `The WNS token endpoint answered ${detail}.`);
}
