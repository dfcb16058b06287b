import { randomBytes, timingSafeEqual } from "node:crypto";
import { decodeBase64url, encodeBase64url } from "./base64url.js";
import {
  decodeScalar,
  decodeShare,
  encodePoint,
  encodeScalar,
  type GroupElement,
  SCALAR_BYTES,
  SHARE_BYTES,
} from "./p256-group.js";
import { isPakeError, PakeError } from "./pake-error.js";
import {
  PBKDF_OUTPUT_BYTES,
  type ProverSecrets,
  registrationPoint,
  scalarsFromPbkdfOutput,
} from "./spake2plus.js";

/**
 * The password-hardening function, memory-hard in production: the server passes argon2id (19 MiB,
 * 2 passes, 1 lane) with an 80-byte output, and the device must use the very same function.
 */
export type DeriveScalars = (password: string, salt: Uint8Array) => Promise<Uint8Array>;

/**
 * What the server stores for an activation password, all base64url: the salt (public: the device
 * needs it before it can start), w0 and L = w1·P. Neither the password nor w1 is kept, so the record
 * cannot be used to act as the device; it can be used to act as the server, so keep it private.
 */
export interface ActivationRecord {
  salt: string;
  w0: string;
  L: string;
}

export const SALT_BYTES = 16;
const MIN_SALT_BYTES = 16;
const MAX_SALT_BYTES = 64;

export async function createActivationRecord(options: {
  password: string;
  deriveScalars: DeriveScalars;
  /** Only for tests that need a fixed record; normally 16 random bytes. */
  salt?: Uint8Array;
}): Promise<ActivationRecord> {
  const salt = options.salt ?? new Uint8Array(randomBytes(SALT_BYTES));
  checkSalt(salt, "invalid_input");
  const { w0, w1 } = await derivePasswordScalars(options.password, salt, options.deriveScalars);
  return {
    salt: encodeBase64url(salt),
    w0: encodeBase64url(encodeScalar(w0)),
    L: encodeBase64url(encodePoint(registrationPoint(w1))),
  };
}

/** w0 and w1 from the password, as the RFC describes: each 40-byte half reduced modulo the group order. */
export async function derivePasswordScalars(
  password: string,
  salt: Uint8Array,
  deriveScalars: DeriveScalars,
): Promise<ProverSecrets> {
  if (typeof password !== "string" || password.length === 0)
    throw new PakeError("invalid_input", "The activation password is empty.");
  const output = await deriveScalars(password, salt);
  if (!(output instanceof Uint8Array))
    throw new PakeError("invalid_input", `The password derivation must return ${PBKDF_OUTPUT_BYTES} bytes.`);
  return scalarsFromPbkdfOutput(output);
}

/** The salt as the device receives it (from the server, through the relay). */
export function decodeSalt(salt: unknown): Uint8Array {
  const bytes = decodeBase64url(salt, "salt", MAX_SALT_BYTES);
  checkSalt(bytes, "malformed_message");
  return bytes;
}

export function parseActivationRecord(record: ActivationRecord): { w0: bigint; L: GroupElement } {
  try {
    const w0 = decodeScalar(decodeBase64url(record?.w0, "w0", SCALAR_BYTES));
    if (w0 === undefined) throw new PakeError("invalid_record", "w0 is not a scalar of P-256.");
    const L = decodeShare(decodeBase64url(record.L, "L", SHARE_BYTES), "L");
    decodeSalt(record.salt);
    return { w0, L };
  } catch (error) {
    const message = isPakeError(error) ? error.message : "It cannot be read.";
    throw new PakeError("invalid_record", `The activation's password record is damaged: ${message}`, {
      cause: error,
    });
  }
}

function checkSalt(salt: Uint8Array, code: "invalid_input" | "malformed_message"): void {
  if (salt.length < MIN_SALT_BYTES || salt.length > MAX_SALT_BYTES)
    throw new PakeError(
      code,
      `The salt must be ${MIN_SALT_BYTES} to ${MAX_SALT_BYTES} bytes; it is ${salt.length}.`,
    );
}

/**
 * Checks a password typed into a web form (Apple enrollment, where no exchange can run) against the
 * record: derives the record again with its salt and compares, in constant time.
 */
export async function passwordMatchesRecord(
  record: ActivationRecord,
  password: string,
  deriveScalars: DeriveScalars,
): Promise<boolean> {
  if (typeof password !== "string" || password.length === 0) return false;
  const again = await createActivationRecord({ password, deriveScalars, salt: decodeSalt(record.salt) });
  const expected = Buffer.from(`${record.w0}.${record.L}`);
  const actual = Buffer.from(`${again.w0}.${again.L}`);
  return expected.length === actual.length && timingSafeEqual(expected, actual);
}
