import { X509Certificate as NodeX509Certificate } from "node:crypto";
import {
  content,
  decodeObjectIdentifier,
  expectTag,
  readChildren,
  readElement,
  whole,
} from "./der-reader.js";
import { PkiError } from "./errors.js";
import { decodePem } from "./pem.js";

/** What the CA needs from its own certificate, read with the package's DER reader and node:crypto. */
export interface CaCertificateFields {
  der: Uint8Array;
  subject: Uint8Array;
  subjectPublicKeyInfo: Uint8Array;
  isCa: boolean;
  /** undefined when the certificate has no keyUsage extension. */
  mayCertify: boolean | undefined;
  subjectKeyId: Uint8Array | undefined;
  notAfter: Date;
}

const BASIC_CONSTRAINTS = "2.5.29.19";
const KEY_USAGE = "2.5.29.15";
const SUBJECT_KEY_IDENTIFIER = "2.5.29.14";

/**
 * Reads a CA certificate without @peculiar/x509, which takes 0.2 s to load: the relay and every
 * server read their CA at start, and nothing else they do at start needs that library.
 */
export function readCaCertificate(pem: string): CaCertificateFields {
  const der = decodePem(pem, ["CERTIFICATE"], "CA certificate");
  try {
    const [tbs] = readChildren(der, expectTag(readElement(der, 0), 0x30, "certificate"));
    const fields = readChildren(der, expectTag(tbs, 0x30, "tbsCertificate"));
    const body = fields[0]?.tag === 0xa0 ? fields.slice(1) : fields;
    const [, , , , subject, spki, ...rest] = body;
    const result: CaCertificateFields = {
      der,
      subject: whole(der, expectTag(subject, 0x30, "subject")),
      subjectPublicKeyInfo: whole(der, expectTag(spki, 0x30, "subjectPublicKeyInfo")),
      isCa: false,
      mayCertify: undefined,
      subjectKeyId: undefined,
      notAfter: new Date(new NodeX509Certificate(der).validTo),
    };
    const extensionsField = rest.find((field) => field.tag === 0xa3);
    if (!extensionsField) return result;
    const [list] = readChildren(der, extensionsField);
    for (const extension of readChildren(der, expectTag(list, 0x30, "extensions"))) {
      const parts = readChildren(der, expectTag(extension, 0x30, "extension"));
      const oid = decodeObjectIdentifier(content(der, expectTag(parts[0], 0x06, "extension id")));
      const value = content(der, expectTag(parts.at(-1), 0x04, "extension value"));
      const inner = readElement(value, 0);
      if (oid === BASIC_CONSTRAINTS) {
        const [first] = readChildren(value, expectTag(inner, 0x30, "basicConstraints"));
        result.isCa = first?.tag === 0x01 && content(value, first)[0] !== 0;
      } else if (oid === KEY_USAGE) {
        // BIT STRING: one byte of unused bits, then the flags, keyCertSign being bit 5 of the first byte.
        const bits = content(value, expectTag(inner, 0x03, "keyUsage"));
        result.mayCertify = ((bits[1] ?? 0) & 0x04) !== 0;
      } else if (oid === SUBJECT_KEY_IDENTIFIER) {
        result.subjectKeyId = content(value, expectTag(inner, 0x04, "subjectKeyIdentifier"));
      }
    }
    return result;
  } catch (cause) {
    if (cause instanceof PkiError) throw cause;
    throw new PkiError("invalid_certificate", "The CA certificate is not a well-formed X.509 certificate.", {
      cause,
    });
  }
}
