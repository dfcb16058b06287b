import { PushError } from "../errors.js";
import { header, jsonBody, type HttpResponse } from "../http/http-request.js";
import { parseRetryAfter } from "../retry/backoff.js";
import type { AttemptOutcome } from "../retry/send-with-retries.js";

interface GoogleError {
  code?: number;
  message?: string;
  status?: string;
  details?: Array<{ "@type"?: string; errorCode?: string }>;
}

const FCM_ERROR_TYPE = "type.googleapis.com/google.firebase.fcm.v1.FcmError";

/** FCM's own error code when there is one (UNREGISTERED...), else Google's canonical status (NOT_FOUND...). */
export function fcmErrorCode(response: HttpResponse): { code: string; message: string } {
  const error = (jsonBody(response) as { error?: GoogleError } | undefined)?.error;
  const fcm = error?.details?.find((detail) => detail["@type"] === FCM_ERROR_TYPE)?.errorCode;
  return { code: fcm ?? error?.status ?? `HTTP ${response.status}`, message: error?.message ?? "" };
}

/**
 * Maps an answer from messages:send. 401 is left to the caller, which alone can renew the access token.
 * Google's ErrorCode reference says which codes mean the token is gone and which are worth a retry.
 */
export function classifyFcmResponse(response: HttpResponse, nowMs: number): AttemptOutcome {
  if (response.status === 200) {
    const name = (jsonBody(response) as { name?: unknown } | undefined)?.name;
    return {
      kind: "final",
      result: typeof name === "string" ? { status: "delivered", id: name } : { status: "delivered" },
    };
  }
  const { code, message } = fcmErrorCode(response);
  if (code === "UNREGISTERED" || code === "SENDER_ID_MISMATCH")
    return { kind: "final", result: { status: "token_invalid", reason: code } };
  // INVALID_ARGUMENT covers both a malformed token and a malformed message; only the first is the token's fault.
  if (code === "INVALID_ARGUMENT" && /registration token/i.test(message))
    return { kind: "final", result: { status: "token_invalid", reason: code } };
  if (response.status === 429 || response.status >= 500) {
    const retryAfterMs = parseRetryAfter(header(response, "retry-after"), nowMs);
    return retryAfterMs === undefined
      ? { kind: "retry", reason: code }
      : { kind: "retry", reason: code, retryAfterMs };
  }
  const error =
    response.status === 403 || code === "THIRD_PARTY_AUTH_ERROR"
      ? new PushError(
          "credentials_rejected",
          `FCM refused the service account (${code}: ${message}). It needs the Firebase Cloud Messaging API ` +
            "enabled and permission cloudmessaging.messages.create on the project.",
        )
      : response.status === 400
        ? new PushError("invalid_notification", `FCM refused the message (${code}: ${message}).`)
        : new PushError("unexpected_response", `FCM answered ${response.status} ${code}: ${message}`);
  return { kind: "final", result: { status: "failed", reason: code, error } };
}
