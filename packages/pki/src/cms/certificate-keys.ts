import { X509Certificate, type KeyObject } from "node:crypto";
import { PkiError } from "../errors.js";

/**
 * OpenSSL 3 takes 0.3 to 0.5 ms to decode a certificate's RSA key: several times what verifying a
 * signature with it costs. A device signs every request with the same certificate, so keys are kept
 * by the SHA-256 of the certificate's exact bytes; the oldest is dropped past this many.
 */
const MAX_CACHED_KEYS = 10_000;
const keys = new Map<string, KeyObject>();

export function certificatePublicKey(der: Uint8Array, fingerprint: string): KeyObject {
  const cached = keys.get(fingerprint);
  if (cached) return cached;
  let key: KeyObject;
  try {
    key = new X509Certificate(der).publicKey;
  } catch (cause) {
    throw new PkiError(
      "malformed_signature",
      "The signer's certificate is not a well-formed X.509 certificate.",
      {
        cause,
      },
    );
  }
  if (keys.size >= MAX_CACHED_KEYS) keys.delete(keys.keys().next().value!);
  keys.set(fingerprint, key);
  return key;
}
