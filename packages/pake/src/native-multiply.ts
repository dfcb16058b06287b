import { createECDH, type ECDH } from "node:crypto";
import { p256 } from "@noble/curves/nist.js";
import { bytesToNumberBE, numberToBytesBE } from "@noble/curves/utils.js";
import type { WeierstrassPoint } from "@noble/curves/abstract/weierstrass.js";

/**
 * P-256 scalar multiplication on OpenSSL's constant-time, assembly-optimised code, about twenty
 * times faster here than pure JavaScript (0.2 ms against 4–6 ms for a point other than the
 * generator). SPAKE2+ needs five or six multiplications per side, so this decides how many devices
 * a server can activate per second.
 *
 * node:crypto offers only ECDH, which gives the x-coordinate of k·Q. The y-coordinate follows
 * exactly from the x-coordinates of (k−1)·Q and (k+1)·Q, that is of R−Q and R+Q for R = k·Q: by
 * the chord rule, x(R−Q) − x(R+Q) = 4·y(R)·y(Q) / (x(R) − x(Q))². The result is checked to lie on
 * the curve before it is used, so an arithmetic slip could never pass as a point.
 */

type Point = WeierstrassPoint<bigint>;
const { Point: CurvePoint } = p256;
const ORDER = CurvePoint.Fn.ORDER;
const Fp = CurvePoint.Fp;
const SCALAR_BYTES = 32;

let ecdhInstance: ECDH | undefined;
function ecdh(): ECDH {
  return (ecdhInstance ??= createECDH("prime256v1"));
}

function xOfMultiple(scalar: bigint, point: Uint8Array): bigint {
  const exchange = ecdh();
  exchange.setPrivateKey(numberToBytesBE(scalar, SCALAR_BYTES));
  return bytesToNumberBE(exchange.computeSecret(point));
}

/** k·P for the generator P: OpenSSL computes the whole public point. */
export function multiplyGenerator(scalar: bigint): Point {
  if (scalar <= 0n || scalar >= ORDER) return CurvePoint.BASE.multiply(scalar);
  const exchange = ecdh();
  exchange.setPrivateKey(numberToBytesBE(scalar, SCALAR_BYTES));
  return CurvePoint.fromBytes(exchange.getPublicKey());
}

/** k·Q for any point Q of the group and k in [1, n−1]. */
export function multiplyPoint(point: Point, scalar: bigint): Point {
  // k = ±1 makes R = ±Q, where the chord rule divides by zero; plain arithmetic handles the edges.
  if (scalar <= 1n || scalar >= ORDER - 1n || point.is0()) return point.multiply(scalar);
  const q = point.toAffine();
  const encoded = point.toBytes(false);
  const xR = xOfMultiple(scalar, encoded);
  if (xR === q.x) return point.multiply(scalar);
  const xSum = xOfMultiple(scalar + 1n, encoded);
  const xDifference = xOfMultiple(scalar - 1n, encoded);
  const run = Fp.sub(xR, q.x);
  const yR = Fp.div(Fp.mul(Fp.sub(xDifference, xSum), Fp.sqr(run)), Fp.mul(4n, q.y));
  const result = CurvePoint.fromAffine({ x: xR, y: yR });
  result.assertValidity();
  return result;
}
