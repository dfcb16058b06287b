/**
 * Why a device message or a command was refused. The code is stable for programs; the message says
 * what to fix. The HTTP layer decides the status code, in one place.
 */
export type AppleMdmErrorCode =
  | "malformed_plist"
  | "too_large"
  | "too_deep"
  | "not_a_dictionary"
  | "unknown_message_type"
  | "unknown_status"
  | "missing_field"
  | "invalid_field"
  | "unsupported_command"
  | "unsupported_platform";

export class AppleMdmError extends Error {
  readonly code: AppleMdmErrorCode;
  /** The plist key or command field at fault, when there is one. */
  readonly field: string | undefined;

  constructor(code: AppleMdmErrorCode, message: string, field?: string) {
    super(message);
    this.name = "AppleMdmError";
    this.code = code;
    this.field = field;
  }
}

/** Parsing returns its failure instead of throwing, so a handler cannot forget to turn it into a 400. */
export type Result<T> = { ok: true; value: T } | { ok: false; error: AppleMdmError };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = <T = never>(error: AppleMdmError): Result<T> => ({ ok: false, error });

/** Runs code that throws AppleMdmError internally and hands any such error back as a value. */
export function attempt<T>(run: () => T): Result<T> {
  try {
    return ok(run());
  } catch (error) {
    if (error instanceof AppleMdmError) return fail(error);
    throw error;
  }
}
