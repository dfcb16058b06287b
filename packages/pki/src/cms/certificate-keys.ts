import { X509Certificate, type KeyObject } from "node:crypto";
import { PkiError } from "../errors.js";

/**
 * OpenSSL 3 takes about 0.1 ms to decode a certificate and as long again for its key: more than
 * verifying an ECDSA signature costs. A device signs every request with the same certificate, so its
 * key is kept by the SHA-256 of the certificate's exact bytes. A key object holds about 3 KiB, so the
 * oldest are dropped past this many; a device whose key was dropped costs one decoding more.
 */
const MAX_KEYS = 20_000;
/**
 * The certificates themselves are kept only briefly: the server checks a new signer against its CA
 * right after the signature, and this spares it decoding the same bytes twice.
 */
const MAX_RECENT = 1_000;

const keys = new Map<string, KeyObject>();
const recent = new Map<string, X509Certificate>();

const remember = <T>(cache: Map<string, T>, limit: number, fingerprint: string, value: T) => {
  if (cache.size >= limit) cache.delete(cache.keys().next().value!);
  cache.set(fingerprint, value);
  return value;
};

/** A certificate decoded from DER, the same object for the same bytes while it is recent. */
export function decodedCertificate(der: Uint8Array, fingerprint: string): X509Certificate {
  const cached = recent.get(fingerprint);
  if (cached) return cached;
  let certificate: X509Certificate;
  try {
    certificate = new X509Certificate(der);
  } catch (cause) {
    throw new PkiError(
      "malformed_signature",
      "The signer's certificate is not a well-formed X.509 certificate.",
      {
        cause,
      },
    );
  }
  return remember(recent, MAX_RECENT, fingerprint, certificate);
}

/** The certificate's public key (reading `publicKey` makes a new KeyObject each time). */
export function certificatePublicKey(der: Uint8Array, fingerprint: string): KeyObject {
  return (
    keys.get(fingerprint) ??
    remember(keys, MAX_KEYS, fingerprint, decodedCertificate(der, fingerprint).publicKey)
  );
}
