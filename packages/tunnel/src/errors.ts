/** Stable codes a caller can branch on; the message says what happened in words a person can act on. */
export type TunnelErrorCode =
  | "invalid_address"
  | "invalid_proxy"
  | "proxy_failed"
  | "connect_failed"
  | "connect_timeout"
  | "relay_untrusted"
  | "untrusted_server"
  | "link_refused"
  | "enrolment_refused"
  | "enrolment_failed"
  | "no_link"
  | "stream_refused";

export class TunnelError extends Error {
  readonly code: TunnelErrorCode;

  constructor(code: TunnelErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "TunnelError";
    this.code = code;
  }
}

/** A message for any thrown value, for status events and logs. */
export function describeError(error: unknown): string {
  if (error instanceof Error) return error.message || error.name;
  return String(error);
}
