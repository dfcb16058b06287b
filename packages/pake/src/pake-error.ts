/**
 * What went wrong in an exchange, as a stable code for the transport to map (in one place) and a
 * message a person can act on. Hostile input only ever produces a PakeError.
 */
export type PakeErrorCode =
  /** A message is not a string, not base64url, or not the expected length. */
  | "malformed_message"
  /** A share is not a valid P-256 point, or cancels the password's mask to the identity. */
  | "invalid_point"
  /** The peer's confirmation does not match: a wrong password, or a different context or identity. */
  | "confirmation_failed"
  /** The stored registration record cannot be used. */
  | "invalid_record"
  /** The caller passed unusable parameters (an empty identity, a key derivation of the wrong length). */
  | "invalid_input"
  /** A session step was called twice, out of order, or after the session failed. */
  | "session_state";

export class PakeError extends Error {
  readonly code: PakeErrorCode;

  constructor(code: PakeErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "PakeError";
    this.code = code;
  }
}

export function isPakeError(value: unknown): value is PakeError {
  return value instanceof PakeError;
}
