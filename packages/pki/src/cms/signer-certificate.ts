import { timingSafeEqual } from "node:crypto";
import {
  content,
  decodeObjectIdentifier,
  expectTag,
  MalformedDer,
  readChildren,
  readElement,
  whole,
  type DerElement,
} from "../der-reader.js";
import { PkiError } from "../errors.js";
import { certificateFields } from "./certificate-fields.js";
import type { SignerIdentifier } from "./read-signed-data.js";

const SUBJECT_KEY_IDENTIFIER = "2.5.29.14";

/**
 * The one included certificate that the SignerInfo names. The signature is later checked with this
 * certificate's key, so a certificate swapped in from another device fails either here (it is not
 * the one named) or at the signature. Certificates that are not strict DER cannot be named.
 */
export function findSignerCertificate(
  certificates: readonly Uint8Array[],
  sid: SignerIdentifier,
): Uint8Array {
  const matches = certificates.filter((der) => {
    try {
      return identifies(sid, der);
    } catch (error) {
      if (error instanceof MalformedDer) return false;
      throw error;
    }
  });
  if (matches.length === 0)
    throw new PkiError(
      "no_signer",
      "The signature does not include the certificate of its signer; the device must send its identity certificate.",
    );
  if (matches.length > 1)
    throw new PkiError(
      "malformed_signature",
      "The signature includes more than one certificate for its signer.",
    );
  return matches[0]!;
}

function identifies(sid: SignerIdentifier, der: Uint8Array): boolean {
  const fields = certificateFields(der);
  if ("subjectKeyIdentifier" in sid) {
    const keyId = subjectKeyIdentifier(der, fields.extensions);
    return keyId !== undefined && sameBytes(keyId, sid.subjectKeyIdentifier);
  }
  return (
    sameBytes(whole(der, fields.issuer), sid.issuer) &&
    sameBytes(content(der, fields.serialNumber), sid.serialNumber)
  );
}

/** The keyIdentifier inside the certificate's subjectKeyIdentifier extension, if it has one. */
function subjectKeyIdentifier(der: Uint8Array, explicit: DerElement | undefined): Uint8Array | undefined {
  if (!explicit) return undefined;
  const [list] = readChildren(der, explicit);
  for (const extension of readChildren(der, expectTag(list, 0x30, "extensions"))) {
    const parts = readChildren(der, expectTag(extension, 0x30, "extension"));
    if (decodeObjectIdentifier(content(der, expectTag(parts[0], 0x06, "extnID"))) !== SUBJECT_KEY_IDENTIFIER)
      continue;
    const value = content(der, expectTag(parts.at(-1), 0x04, "extnValue"));
    return content(value, expectTag(readElement(value, 0), 0x04, "keyIdentifier"));
  }
  return undefined;
}

const sameBytes = (a: Uint8Array, b: Uint8Array) => a.length === b.length && timingSafeEqual(a, b);
