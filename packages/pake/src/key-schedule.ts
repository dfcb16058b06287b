import { hkdf } from "@noble/hashes/hkdf.js";
import { hmac } from "@noble/hashes/hmac.js";
import { sha256 } from "@noble/hashes/sha2.js";
import { encodePoint, M, N } from "./p256-group.js";

/** What both sides feed into the transcript TT besides the shared values (RFC 9383 §3.3). */
export interface Parties {
  context: Uint8Array;
  idProver: Uint8Array;
  idVerifier: Uint8Array;
}

export interface TranscriptValues extends Parties {
  shareP: Uint8Array;
  shareV: Uint8Array;
  Z: Uint8Array;
  V: Uint8Array;
  w0: Uint8Array;
}

/** K_main and the keys RFC 9383 §3.4 derives from it, with both confirmation MACs. */
export interface KeySchedule {
  transcript: Uint8Array;
  kMain: Uint8Array;
  kConfirmP: Uint8Array;
  kConfirmV: Uint8Array;
  kShared: Uint8Array;
  /** MAC(K_confirmP, shareV): what the prover sends. */
  confirmP: Uint8Array;
  /** MAC(K_confirmV, shareP): what the verifier sends. */
  confirmV: Uint8Array;
}

const HASH_BYTES = 32;
const CONFIRMATION_KEYS = new TextEncoder().encode("ConfirmationKeys");
const SHARED_KEY = new TextEncoder().encode("SharedKey");
const M_BYTES = encodePoint(M);
const N_BYTES = encodePoint(N);

/** TT: every field preceded by its length as an 8-byte little-endian integer, in the RFC's order. */
export function transcript(values: TranscriptValues): Uint8Array {
  const fields = [
    values.context,
    values.idProver,
    values.idVerifier,
    M_BYTES,
    N_BYTES,
    values.shareP,
    values.shareV,
    values.Z,
    values.V,
    values.w0,
  ];
  const out = new Uint8Array(fields.reduce((total, field) => total + 8 + field.length, 0));
  const view = new DataView(out.buffer);
  let at = 0;
  for (const field of fields) {
    view.setBigUint64(at, BigInt(field.length), true);
    out.set(field, at + 8);
    at += 8 + field.length;
  }
  return out;
}

export function keySchedule(values: TranscriptValues): KeySchedule {
  const tt = transcript(values);
  const kMain = sha256(tt);
  // KDF(nil, K_main, info): HKDF-SHA256 with no salt; HMAC-SHA256 keys are a digest long.
  const confirmationKeys = hkdf(sha256, kMain, undefined, CONFIRMATION_KEYS, 2 * HASH_BYTES);
  const kConfirmP = confirmationKeys.slice(0, HASH_BYTES);
  const kConfirmV = confirmationKeys.slice(HASH_BYTES);
  return {
    transcript: tt,
    kMain,
    kConfirmP,
    kConfirmV,
    kShared: hkdf(sha256, kMain, undefined, SHARED_KEY, HASH_BYTES),
    confirmP: hmac(sha256, kConfirmP, values.shareV),
    confirmV: hmac(sha256, kConfirmV, values.shareP),
  };
}
