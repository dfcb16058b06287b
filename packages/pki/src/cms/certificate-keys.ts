import { X509Certificate, type KeyObject } from "node:crypto";
import { PkiError } from "../errors.js";

/** A certificate decoded once, with its public key (reading `publicKey` makes a new KeyObject each time). */
export interface ParsedCertificate {
  certificate: X509Certificate;
  publicKey: KeyObject;
}

/**
 * OpenSSL 3 takes 0.1 to 0.5 ms to decode a certificate and its key: several times what verifying a
 * signature with it costs. A device signs every request with the same certificate, and the server
 * then checks that certificate against its CA, so both use this one decoding, kept by the SHA-256 of
 * the certificate's exact bytes; the oldest is dropped past this many (one per device of a large
 * fleet checking in within minutes of each other).
 */
const MAX_CACHED = 100_000;
const parsed = new Map<string, ParsedCertificate>();

export function parsedCertificate(der: Uint8Array, fingerprint: string): ParsedCertificate {
  const cached = parsed.get(fingerprint);
  if (cached) return cached;
  let entry: ParsedCertificate;
  try {
    const certificate = new X509Certificate(der);
    entry = { certificate, publicKey: certificate.publicKey };
  } catch (cause) {
    throw new PkiError(
      "malformed_signature",
      "The signer's certificate is not a well-formed X.509 certificate.",
      {
        cause,
      },
    );
  }
  if (parsed.size >= MAX_CACHED) parsed.delete(parsed.keys().next().value!);
  parsed.set(fingerprint, entry);
  return entry;
}
