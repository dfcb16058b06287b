import type { WeierstrassPoint } from "@noble/curves/abstract/weierstrass.js";
import { p256 } from "@noble/curves/nist.js";
import { bytesToNumberBE, numberToBytesBE } from "@noble/curves/utils.js";
import { PakeError } from "./pake-error.js";

/** An element of P-256's group. The cofactor h is 1, so every curve point but the identity is one. */
export type GroupElement = WeierstrassPoint<bigint>;

const { Point } = p256;

/** p in RFC 9383: the order of the group. */
export const GROUP_ORDER = Point.Fn.ORDER;
export const SCALAR_BYTES = 32;
/** Shares travel, and enter the transcript, as uncompressed SEC1 points: 0x04 ‖ x ‖ y. */
export const SHARE_BYTES = 65;

/** P, the generator. */
export const G: GroupElement = Point.BASE;

// RFC 9383 §4 (the same as RFC 9382), from the seeds "1.2.840.10045.3.1.7 point generation seed (M)"
// and "(N)": nobody knows their discrete logarithms.
export const M: GroupElement = Point.fromHex(
  "02886e2f97ace46e55ba9dd7242579f2993b64e16ef3dcab95afd497333d8fa12f",
);
export const N: GroupElement = Point.fromHex(
  "03d8bbd6c639c62937b04d997f38c3770719c629d7014d49a24b4f98baa1292b49",
);

export function isValidScalar(scalar: bigint): boolean {
  return scalar > 0n && scalar < GROUP_ORDER;
}

/** A big-endian integer of any length, reduced modulo the group order (RFC 9383 §3.2). */
export function reduceToScalar(bytes: Uint8Array): bigint {
  return bytesToNumberBE(bytes) % GROUP_ORDER;
}

/** A stored scalar: exactly 32 big-endian bytes, in [1, p-1]; undefined otherwise. */
export function decodeScalar(bytes: Uint8Array): bigint | undefined {
  if (bytes.length !== SCALAR_BYTES) return undefined;
  const scalar = bytesToNumberBE(bytes);
  return isValidScalar(scalar) ? scalar : undefined;
}

export function encodeScalar(scalar: bigint): Uint8Array {
  return numberToBytesBE(scalar, SCALAR_BYTES);
}

/** A fresh ephemeral scalar, uniform in [1, p-1]. */
export function randomScalar(): bigint {
  return Point.Fn.fromBytes(p256.utils.randomSecretKey());
}

export function encodePoint(point: GroupElement): Uint8Array {
  return point.toBytes(false);
}

/**
 * A share received from the peer, checked as RFC 9383 §6 requires: exactly an uncompressed point,
 * coordinates in the field, on the curve, and not the identity (which has no uncompressed form, and
 * is refused again below in case a decoder ever accepts one).
 */
export function decodeShare(bytes: Uint8Array, what: string): GroupElement {
  if (bytes.length !== SHARE_BYTES || bytes[0] !== 0x04) {
    throw new PakeError(
      "invalid_point",
      `${what} must be an uncompressed P-256 point of ${SHARE_BYTES} bytes starting with 0x04.`,
    );
  }
  let point: GroupElement;
  try {
    point = Point.fromBytes(bytes);
  } catch (cause) {
    throw new PakeError("invalid_point", `${what} is not a point on P-256.`, { cause });
  }
  if (point.is0() || !point.isTorsionFree())
    throw new PakeError("invalid_point", `${what} is not in P-256's prime-order group.`);
  return point;
}
