/** Stable codes a caller can branch on; the message says what happened in words a person can act on. */
export type PushErrorCode =
  /** The credential given to the client cannot be used at all (unreadable key, missing field). */
  | "invalid_credentials"
  /** An APNs certificate for a topic other than the one devices enrolled with, not confirmed. */
  | "topic_change_unconfirmed"
  /** Credentials for one tenant (a scope) of a service whose credentials serve the whole server. */
  | "scope_not_supported"
  /** The credential has passed its expiry date. */
  | "credentials_expired"
  /** The push service refused the credential (revoked key, wrong team, bad secret). */
  | "credentials_rejected"
  /** The service says the provider token was renewed too often; renewing again would make it worse. */
  | "token_updates_throttled"
  /** The notification itself is wrong (too large, bad header) and will be refused however often it is sent. */
  | "invalid_notification"
  /** The service answered something the client does not understand. */
  | "unexpected_response"
  /** The service could not be reached or the connection broke. */
  | "connection_failed"
  | "timeout"
  | "closed";

export class PushError extends Error {
  readonly code: PushErrorCode;

  constructor(code: PushErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "PushError";
    this.code = code;
  }
}

/** A message for any thrown value. */
export function describeError(error: unknown): string {
  if (error instanceof Error) return error.message || error.name;
  return String(error);
}
