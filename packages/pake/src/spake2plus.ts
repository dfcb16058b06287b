import { keySchedule, type KeySchedule, type Parties } from "./key-schedule.js";
import {
  decodeShare,
  encodePoint,
  encodeScalar,
  type GroupElement,
  isValidScalar,
  M,
  N,
  reduceToScalar,
} from "./p256-group.js";
import { multiplyGenerator, multiplyPoint } from "./native-multiply.js";
import { PakeError } from "./pake-error.js";

/**
 * SPAKE2+ (RFC 9383) for P256-SHA256-HKDF-SHA256-HMAC-SHA256, as pure functions: the ephemeral
 * scalars x and y are arguments, so the RFC's test vectors run through the same code as a real
 * exchange. Sessions (activation-exchange.ts) draw them at random and keep the state.
 */

/** Each half of the PBKDF output is ceil(log2(p)) + 64 bits = 40 bytes, so reducing it mod p is unbiased to 2^-64. */
export const PBKDF_HALF_BYTES = 40;
export const PBKDF_OUTPUT_BYTES = 2 * PBKDF_HALF_BYTES;

export interface ProverSecrets {
  w0: bigint;
  w1: bigint;
}

/** w0s ‖ w1s = PBKDF(...); w0 = w0s mod p, w1 = w1s mod p (RFC 9383 §3.2). */
export function scalarsFromPbkdfOutput(output: Uint8Array): ProverSecrets {
  if (output.length !== PBKDF_OUTPUT_BYTES) {
    throw new PakeError(
      "invalid_input",
      `The password derivation must produce ${PBKDF_OUTPUT_BYTES} bytes; it produced ${output.length}.`,
    );
  }
  const w0 = reduceToScalar(output.subarray(0, PBKDF_HALF_BYTES));
  const w1 = reduceToScalar(output.subarray(PBKDF_HALF_BYTES));
  // Zero has probability 2^-256, but scalar multiplication refuses it, and so do we.
  if (!isValidScalar(w0) || !isValidScalar(w1))
    throw new PakeError("invalid_input", "The password derivation produced a zero scalar.");
  return { w0, w1 };
}

/** The registration record's L = w1·P. */
export function registrationPoint(w1: bigint): GroupElement {
  return multiplyGenerator(w1);
}

/** ProverInit: shareP = X = x·P + w0·M. */
export function proverShare(w0: bigint, x: bigint): Uint8Array {
  return encodePoint(multiplyGenerator(x).add(multiplyPoint(M, w0)));
}

/** ProverFinish and the key schedule. Throws a PakeError if shareV is not a usable point. */
export function proverFinish(input: {
  parties: Parties;
  secrets: ProverSecrets;
  x: bigint;
  shareP: Uint8Array;
  shareV: Uint8Array;
}): KeySchedule {
  const { w0, w1 } = input.secrets;
  const unmasked = decodeShare(input.shareV, "shareV").subtract(multiplyPoint(N, w0));
  if (unmasked.is0()) throw new PakeError("invalid_point", "shareV cancels the password's mask.");
  return keySchedule({
    ...input.parties,
    shareP: input.shareP,
    shareV: input.shareV,
    Z: encodePoint(multiplyPoint(unmasked, input.x)),
    V: encodePoint(multiplyPoint(unmasked, w1)),
    w0: encodeScalar(w0),
  });
}

/** VerifierFinish and the key schedule: shareV = Y = y·P + w0·N. Throws a PakeError if shareP is not a usable point. */
export function verifierFinish(input: {
  parties: Parties;
  w0: bigint;
  L: GroupElement;
  y: bigint;
  shareP: Uint8Array;
}): KeySchedule & { shareV: Uint8Array } {
  const { w0, y } = input;
  const unmasked = decodeShare(input.shareP, "shareP").subtract(multiplyPoint(M, w0));
  if (unmasked.is0()) throw new PakeError("invalid_point", "shareP cancels the password's mask.");
  const shareV = encodePoint(multiplyGenerator(y).add(multiplyPoint(N, w0)));
  const schedule = keySchedule({
    ...input.parties,
    shareP: input.shareP,
    shareV,
    Z: encodePoint(multiplyPoint(unmasked, y)),
    V: encodePoint(multiplyPoint(input.L, y)),
    w0: encodeScalar(w0),
  });
  return { ...schedule, shareV };
}
