import { PushError } from "../errors.js";
import { header, type HttpResponse } from "../http/http-request.js";
import { parseRetryAfter } from "../retry/backoff.js";
import type { AttemptOutcome } from "../retry/send-with-retries.js";

type Connection = "connected" | "disconnected" | "tempdisconnected";

/** Maps a WNS answer (learn.microsoft.com "Push notification service request and response headers"). 401 is the caller's. */
export function classifyWnsResponse(response: HttpResponse, nowMs: number): AttemptOutcome {
  const status = header(response, "x-wns-notificationstatus")?.toLowerCase();
  const connection = header(response, "x-wns-deviceconnectionstatus")?.toLowerCase() as
    Connection | undefined;
  const description = header(response, "x-wns-error-description");
  if (response.status === 200) {
    // "dropped": WNS took the request but threw the notification away (device offline, no caching).
    if (status === "dropped") return { kind: "final", result: { status: "retry_later", reason: "Dropped" } };
    const id = header(response, "x-wns-msg-id");
    const result: { status: "delivered"; id?: string; deviceConnection?: Connection } = {
      status: "delivered",
    };
    if (id) result.id = id;
    if (connection) result.deviceConnection = connection;
    return { kind: "final", result };
  }
  if (response.status === 410)
    return { kind: "final", result: { status: "token_invalid", reason: "ChannelExpired" } };
  if (response.status === 404)
    return { kind: "final", result: { status: "token_invalid", reason: "ChannelInvalid" } };
  // 406 is WNS's throttle: the channel or the app sent too much; like 429 elsewhere.
  if (response.status === 406 || response.status === 429 || response.status >= 500) {
    const reason =
      status === "channelthrottled" || response.status === 406
        ? "ChannelThrottled"
        : `HTTP ${response.status}`;
    const retryAfterMs = parseRetryAfter(header(response, "retry-after"), nowMs);
    return retryAfterMs === undefined ? { kind: "retry", reason } : { kind: "retry", reason, retryAfterMs };
  }
  const words = description ? `: ${description}` : "";
  const error =
    response.status === 403
      ? new PushError(
          "credentials_rejected",
          `WNS refused to deliver to this channel with these credentials (403${words}); the channel belongs to another app.`,
        )
      : response.status === 400 || response.status === 413
        ? new PushError("invalid_notification", `WNS refused the notification (${response.status}${words}).`)
        : new PushError("unexpected_response", `WNS answered ${response.status}${words}.`);
  return { kind: "final", result: { status: "failed", reason: `HTTP ${response.status}`, error } };
}
