import { explicit, integerFromHex, sequence, smallInteger, time } from "./der-writer.js";
import { PkiError } from "./errors.js";
import { authorityKeyIdentifier, crlNumber } from "./extensions.js";
import type { Issuer } from "./issuer.js";
import { encodePem } from "./pem.js";
import { normalizeSerialNumber } from "./serial-number.js";
import { signStructure } from "./signer.js";

export interface RevokedCertificate {
  /** Hex, as returned when the certificate was issued. */
  serialNumber: string;
  revokedAt: Date;
}

const DAY_MS = 86_400_000;

/**
 * A v2 CRL (RFC 5280 5.1) signed by the issuer. Its cRLNumber is thisUpdate in seconds: it must only
 * ever grow, and a clock-derived number does so across restarts and servers without a stored counter.
 */
export async function signRevocationList(
  issuer: Issuer,
  revoked: readonly RevokedCertificate[],
  nextUpdateDays: number,
): Promise<string> {
  if (typeof nextUpdateDays !== "number" || !(nextUpdateDays > 0) || nextUpdateDays > 366)
    throw new PkiError("invalid_request", "nextUpdateDays must be a number above 0 and at most 366.");
  if (!Array.isArray(revoked))
    throw new PkiError("invalid_request", "The revoked certificates must be a list.");
  const thisUpdate = Math.floor(Date.now() / 1000);
  const entries = [...uniqueEntries(revoked)].map(([serial, revokedAt]) =>
    sequence(integerFromHex(serial), time(revokedAt)),
  );
  const tbsCertList = sequence(
    smallInteger(1), // version v2
    issuer.signer.algorithmIdentifier,
    issuer.name,
    time(new Date(thisUpdate * 1000)),
    time(new Date(thisUpdate * 1000 + Math.round(nextUpdateDays * DAY_MS))),
    // An empty revokedCertificates must be left out, not written as an empty SEQUENCE.
    ...(entries.length > 0 ? [sequence(...entries)] : []),
    explicit(0, sequence(authorityKeyIdentifier(issuer.keyId), crlNumber(thisUpdate))),
  );
  return encodePem(await signStructure(tbsCertList, issuer.signer), "X509 CRL");
}

/** One entry per serial, the earliest revocation winning: a CRL may not list a serial twice. */
function uniqueEntries(revoked: readonly RevokedCertificate[]): Map<string, Date> {
  const bySerial = new Map<string, Date>();
  for (const entry of revoked) {
    const serialNumber = normalizeSerialNumber(entry?.serialNumber);
    const year = entry.revokedAt instanceof Date ? entry.revokedAt.getUTCFullYear() : NaN;
    if (!(year >= 1950 && year <= 9999))
      throw new PkiError("invalid_request", `The revocation time of ${serialNumber} is not a valid Date.`);
    const known = bySerial.get(serialNumber);
    if (!known || entry.revokedAt < known) bySerial.set(serialNumber, entry.revokedAt);
  }
  return bySerial;
}
