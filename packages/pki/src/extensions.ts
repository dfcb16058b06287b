import { createHash } from "node:crypto";
import { content, expectTag, readChildren, readElement } from "./der-reader.js";
import {
  derTrue,
  namedBits,
  objectIdentifier,
  octetString,
  sequence,
  smallInteger,
  tlv,
  type Der,
} from "./der-writer.js";
import { PkiError } from "./errors.js";
import type { RequestKeyType } from "./keys.js";
import { encodeAltNames, type SubjectAltName } from "./names.js";

/**
 * "scep-ra" is the SCEP registration authority's RSA certificate: it signs CertRep replies and
 * devices encrypt their requests to it, so it needs keyEncipherment and no extended usage.
 */
export type CertificateUsage = "client" | "server" | "scep-ra";

/** An extension the caller adds to an issued certificate: its OID and the DER of its value. */
export interface CustomExtension {
  oid: string;
  critical?: boolean;
  value: Uint8Array;
}

const OID = {
  subjectKeyIdentifier: "2.5.29.14",
  keyUsage: "2.5.29.15",
  subjectAltName: "2.5.29.17",
  basicConstraints: "2.5.29.19",
  crlNumber: "2.5.29.20",
  authorityKeyIdentifier: "2.5.29.35",
  extendedKeyUsage: "2.5.29.37",
  serverAuth: "1.3.6.1.5.5.7.3.1",
  clientAuth: "1.3.6.1.5.5.7.3.2",
};

/** keyUsage bit numbers from RFC 5280 4.2.1.3. */
const KEY_USAGE = { digitalSignature: 0, keyEncipherment: 2, keyCertSign: 5, cRLSign: 6 };

export function extension(oid: string, critical: boolean, value: Der): Der {
  return critical
    ? sequence(objectIdentifier(oid), derTrue, octetString(value))
    : sequence(objectIdentifier(oid), octetString(value));
}

/** RFC 5280 4.2.1.2 method 1: SHA-1 of the subjectPublicKey bits. Only an identifier, not a security check. */
export function keyIdentifier(spki: Uint8Array): Uint8Array {
  const info = readElement(spki, 0);
  const [, subjectPublicKey] = readChildren(spki, info);
  const bits = content(spki, expectTag(subjectPublicKey, 0x03, "subjectPublicKey"));
  return createHash("sha1").update(bits.subarray(1)).digest();
}

export const subjectKeyIdentifier = (keyId: Uint8Array) =>
  extension(OID.subjectKeyIdentifier, false, octetString(keyId));
export const authorityKeyIdentifier = (keyId: Uint8Array) =>
  extension(OID.authorityKeyIdentifier, false, sequence(tlv(0x80, keyId)));
export const crlNumber = (value: number) => extension(OID.crlNumber, false, smallInteger(value));

/** pathLen 0: a tenant CA signs devices and servers, never another CA. */
export const certificateAuthorityExtensions = (keyId: Uint8Array): Der[] => [
  extension(OID.basicConstraints, true, sequence(derTrue, smallInteger(0))),
  extension(OID.keyUsage, true, namedBits([KEY_USAGE.keyCertSign, KEY_USAGE.cRLSign])),
  subjectKeyIdentifier(keyId),
];

export interface EndEntityExtensionOptions {
  usage: CertificateUsage;
  keyType: RequestKeyType;
  subjectKeyId: Uint8Array;
  authorityKeyId: Uint8Array;
  altNames: readonly SubjectAltName[];
  /** RFC 5280: when the subject is empty, the alternative names carry the identity and are critical. */
  subjectIsEmpty: boolean;
  custom: readonly CustomExtension[];
}

/**
 * The complete extension set of a leaf certificate. Nothing comes from the request: a device could
 * otherwise ask for CA:TRUE or for a usage it was never meant to have.
 */
export function endEntityExtensions(options: EndEntityExtensionOptions): Der[] {
  if (options.usage !== "client" && options.usage !== "server" && options.usage !== "scep-ra")
    throw new PkiError(
      "invalid_request",
      `usage must be "client", "server" or "scep-ra", not ${JSON.stringify(options.usage)}.`,
    );
  if (options.usage === "scep-ra" && options.keyType !== "rsa")
    throw new PkiError("invalid_request", "A SCEP RA certificate needs an RSA key: devices encrypt to it.");
  // RSA key exchange (TLS 1.2 without forward secrecy) encrypts to the certificate's key; ECDSA never does.
  const keyUsage =
    options.keyType === "rsa"
      ? [KEY_USAGE.digitalSignature, KEY_USAGE.keyEncipherment]
      : [KEY_USAGE.digitalSignature];
  const extensions = [
    // CA:FALSE is the default, so DER writes an empty SEQUENCE.
    extension(OID.basicConstraints, true, sequence()),
    extension(OID.keyUsage, true, namedBits(keyUsage)),
    subjectKeyIdentifier(options.subjectKeyId),
    authorityKeyIdentifier(options.authorityKeyId),
  ];
  if (options.usage !== "scep-ra")
    extensions.splice(
      2,
      0,
      extension(
        OID.extendedKeyUsage,
        false,
        sequence(objectIdentifier(options.usage === "client" ? OID.clientAuth : OID.serverAuth)),
      ),
    );
  if (options.altNames.length > 0)
    extensions.push(extension(OID.subjectAltName, options.subjectIsEmpty, encodeAltNames(options.altNames)));
  const seen = new Set<string>();
  for (const custom of options.custom) extensions.push(customExtension(custom, seen));
  return extensions;
}

/** Extensions this CA always decides itself; a custom extension may not replace or repeat them. */
const CA_DECIDED = new Map(
  (
    [
      "subjectKeyIdentifier",
      "keyUsage",
      "subjectAltName",
      "basicConstraints",
      "authorityKeyIdentifier",
      "extendedKeyUsage",
    ] as const
  ).map((name) => [OID[name], name]),
);

function customExtension(custom: CustomExtension, seen: Set<string>): Der {
  const { oid, critical, value } = custom ?? {};
  if (typeof oid !== "string" || !/^[0-2]\.(0|[1-3]?\d)(\.(0|[1-9]\d{0,8}))+$/.test(oid))
    throw new PkiError(
      "invalid_request",
      `${JSON.stringify(oid)} is not an object identifier such as 1.2.3.4.`,
    );
  const decided = CA_DECIDED.get(oid);
  if (decided)
    throw new PkiError(
      "invalid_request",
      `The ${decided} extension is set by the CA and cannot be given as a custom extension.`,
    );
  if (seen.has(oid)) throw new PkiError("invalid_request", `The extension ${oid} is given twice.`);
  seen.add(oid);
  if (!(value instanceof Uint8Array) || !isSingleDerValue(value))
    throw new PkiError(
      "invalid_request",
      `The value of extension ${oid} must be one DER-encoded value, as bytes.`,
    );
  return extension(oid, critical === true, value);
}

function isSingleDerValue(value: Uint8Array): boolean {
  try {
    return value.length > 0 && readElement(value, 0).end === value.length;
  } catch {
    return false;
  }
}
