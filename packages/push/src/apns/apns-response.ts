import { PushError, type PushErrorCode } from "../errors.js";
import { parseRetryAfter } from "../retry/backoff.js";
import type { AttemptOutcome } from "../retry/send-with-retries.js";
import type { Http2Response } from "./apns-connection.js";

/** Reasons after which APNs will never take this token again (Apple's "Handling notification responses"). */
const TOKEN_GONE = new Set(["BadDeviceToken", "DeviceTokenNotForTopic", "Unregistered", "ExpiredToken"]);

const CREDENTIAL_REFUSED = new Set([
  "BadCertificate",
  "BadCertificateEnvironment",
  "Forbidden",
  "InvalidProviderToken",
  "MissingProviderToken",
]);

export function apnsReason(response: Http2Response): string | undefined {
  if (!response.body) return undefined;
  try {
    const parsed = JSON.parse(response.body) as { reason?: unknown; timestamp?: unknown };
    return typeof parsed.reason === "string" ? parsed.reason : undefined;
  } catch {
    return undefined;
  }
}

function timestampOf(response: Http2Response): Date | undefined {
  try {
    const { timestamp } = JSON.parse(response.body) as { timestamp?: unknown };
    return typeof timestamp === "number" ? new Date(timestamp) : undefined;
  } catch {
    return undefined;
  }
}

const failed = (reason: string, code: PushErrorCode, message: string): AttemptOutcome => ({
  kind: "final",
  result: { status: "failed", reason, error: new PushError(code, message) },
});

/** Turns APNs's answer into an outcome. ExpiredProviderToken is the caller's: only it can renew the token. */
export function classifyApnsResponse(response: Http2Response, nowMs: number): AttemptOutcome {
  const { status } = response;
  if (status === 200) {
    const id = response.headers["apns-id"];
    return {
      kind: "final",
      result: typeof id === "string" ? { status: "delivered", id } : { status: "delivered" },
    };
  }
  const reason = apnsReason(response) ?? `HTTP ${status}`;
  if (TOKEN_GONE.has(reason)) {
    const invalidSince = reason === "Unregistered" ? timestampOf(response) : undefined;
    return {
      kind: "final",
      result: invalidSince
        ? { status: "token_invalid", reason, invalidSince }
        : { status: "token_invalid", reason },
    };
  }
  if (reason === "TooManyProviderTokenUpdates")
    return failed(
      reason,
      "token_updates_throttled",
      "APNs says the provider token changed too often (TooManyProviderTokenUpdates). Another process may be " +
        "signing tokens with the same key; this client keeps its token and will not renew it for 20 minutes.",
    );
  if (CREDENTIAL_REFUSED.has(reason))
    return failed(
      reason,
      "credentials_rejected",
      `APNs refused the credentials (${reason}). Check the key or certificate, its environment ` +
        "(production or sandbox) and that it has not been revoked.",
    );
  if (status === 429 || status >= 500) {
    const retryAfterMs = parseRetryAfter(response.headers["retry-after"], nowMs);
    return retryAfterMs === undefined ? { kind: "retry", reason } : { kind: "retry", reason, retryAfterMs };
  }
  if (status === 400 || status === 413)
    return failed(reason, "invalid_notification", `APNs refused the notification (${status} ${reason}).`);
  return failed(
    reason,
    "unexpected_response",
    `APNs answered ${status} ${reason}, which this client does not expect.`,
  );
}
