/**
 * Errors are values with a stable machine-readable `code` and a message a person can act on.
 * The `kind` decides how a transport presents the error (the HTTP mapping lives in the server, in one place).
 */
export type ErrorKind =
  | "invalid"
  | "unauthenticated"
  | "forbidden"
  | "not_found"
  | "conflict"
  | "rate_limited"
  | "locked"
  | "gone"
  | "too_large"
  | "unavailable";

export interface FieldProblem {
  field: string;
  message: string;
}

export class MeridianError extends Error {
  readonly kind: ErrorKind;
  readonly code: string;
  readonly fields: FieldProblem[] | undefined;
  readonly retryAfterSeconds: number | undefined;

  constructor(
    kind: ErrorKind,
    code: string,
    message: string,
    extra: { fields?: FieldProblem[]; retryAfterSeconds?: number; cause?: unknown } = {},
  ) {
    super(message, extra.cause === undefined ? undefined : { cause: extra.cause });
    this.name = "MeridianError";
    this.kind = kind;
    this.code = code;
    this.fields = extra.fields;
    this.retryAfterSeconds = extra.retryAfterSeconds;
  }
}

export const invalid = (code: string, message: string, fields?: FieldProblem[]) =>
  new MeridianError("invalid", code, message, fields ? { fields } : {});

export const notFound = (what: string, id: string) =>
  new MeridianError("not_found", `${what}_not_found`, `No ${what.replace(/_/g, " ")} with id ${id} exists.`);

export const conflict = (code: string, message: string) => new MeridianError("conflict", code, message);

export const forbidden = (code: string, message: string) => new MeridianError("forbidden", code, message);

export const unauthenticated = (code: string, message: string) =>
  new MeridianError("unauthenticated", code, message);

export function isMeridianError(value: unknown): value is MeridianError {
  return value instanceof MeridianError;
}
