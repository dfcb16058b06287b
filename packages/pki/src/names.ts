import { isIP } from "node:net";
import { content, expectTag, readChildren, readElement, MalformedDer } from "./der-reader.js";
import { directoryString, objectIdentifier, sequence, set, tlv, type Der } from "./der-writer.js";
import { PkiError } from "./errors.js";
import { ipAddressBytes } from "./ip-address.js";

/** The subject a certificate is issued to. RFC 5280 caps each of these at 64 characters. */
export interface SubjectName {
  commonName: string;
  organization?: string;
  organizationalUnit?: string;
  country?: string;
}

export interface SubjectAltName {
  type: "dns" | "ip" | "email" | "uri";
  value: string;
}

const MAX_NAME_CHARS = 64;

export const EMPTY_NAME: Der = sequence();

/** Written most-general first, as OpenSSL and browsers show them: C, O, OU, CN. */
export function encodeName(subject: SubjectName): Der {
  if (typeof subject !== "object" || subject === null)
    throw new PkiError("invalid_request", "The subject must be an object with at least a commonName.");
  const fields: Array<[string, string, string | undefined]> = [
    ["C", "2.5.4.6", subject.country],
    ["O", "2.5.4.10", subject.organization],
    ["OU", "2.5.4.11", subject.organizationalUnit],
    ["CN", "2.5.4.3", subject.commonName],
  ];
  const rdns: Der[] = [];
  for (const [label, oid, value] of fields) {
    if (value === undefined) continue;
    if (
      typeof value !== "string" ||
      value.trim() === "" ||
      value.length > MAX_NAME_CHARS ||
      /\p{Cc}/u.test(value)
    )
      throw new PkiError(
        "invalid_request",
        `The subject's ${label} must be 1 to ${MAX_NAME_CHARS} characters without control characters.`,
      );
    if (label === "C" && !/^[A-Z]{2}$/.test(value))
      throw new PkiError("invalid_request", "The subject's country must be a two-letter code such as DE.");
    rdns.push(set(sequence(objectIdentifier(oid), directoryString(value))));
  }
  return sequence(...rdns);
}

/** String types a directory attribute may use: UTF8, Printable, Teletex, IA5, Universal, BMP. */
const STRING_TAGS = new Set([0x0c, 0x13, 0x14, 0x16, 0x1c, 0x1e]);
const MAX_RDNS = 32;

/**
 * Checks that a Name taken from a request is the plain shape RFC 5280 describes (RDNs of
 * attribute type and string value), so it can be copied into a certificate byte for byte.
 */
export function checkNameShape(der: Uint8Array): void {
  const name = expectTag(readElement(der, 0), 0x30, "Name");
  if (name.end !== der.length) throw new MalformedDer("bytes after Name");
  const rdns = readChildren(der, name);
  if (rdns.length > MAX_RDNS) throw new MalformedDer("too many name parts");
  for (const rdn of rdns) {
    const attributes = readChildren(der, expectTag(rdn, 0x31, "RDN"));
    if (attributes.length === 0) throw new MalformedDer("empty RDN");
    for (const attribute of attributes) {
      const [type, value, extra] = readChildren(der, expectTag(attribute, 0x30, "attribute"));
      expectTag(type, 0x06, "attribute type");
      if (!value || extra || !STRING_TAGS.has(value.tag)) throw new MalformedDer("attribute value");
      if (value.tag === 0x0c && !isWellFormedUtf8(content(der, value))) throw new MalformedDer("UTF-8");
    }
  }
}

function isWellFormedUtf8(bytes: Uint8Array): boolean {
  try {
    new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

const DNS_LABEL = "[a-z0-9_]([a-z0-9_-]{0,61}[a-z0-9_])?";
const DNS_NAME = new RegExp(`^(\\*\\.)?${DNS_LABEL}(\\.${DNS_LABEL})*$`, "i");

/** Host names become DNS names, and IP addresses (v4 or v6) become IP names, as TLS clients expect. */
export function hostNamesToAltNames(hostNames: readonly string[]): SubjectAltName[] {
  if (!Array.isArray(hostNames) || hostNames.length === 0)
    throw new PkiError("invalid_request", "A server certificate needs at least one host name.");
  return hostNames.map((name) => ({ type: isIP(name) ? "ip" : "dns", value: name }));
}

/** GeneralNames for subjectAltName, each value checked against its type. */
export function encodeAltNames(names: readonly SubjectAltName[]): Der {
  return sequence(...names.map(encodeGeneralName));
}

function encodeGeneralName(name: SubjectAltName): Der {
  const value: unknown = name?.value;
  const refuse = (what: string) =>
    new PkiError("invalid_request", `The subject alternative name ${JSON.stringify(value)} is not ${what}.`);
  if (typeof value !== "string" || value.length > 253 || !/^[\x21-\x7e]+$/.test(value))
    throw refuse("printable ASCII of at most 253 characters");
  const ascii = Buffer.from(value, "ascii");
  // GeneralName's context tags: rfc822Name [1], dNSName [2], uniformResourceIdentifier [6], iPAddress [7].
  switch (name.type) {
    case "dns":
      if (!DNS_NAME.test(value) || value.length > 253) throw refuse("a valid DNS name");
      return tlv(0x82, ascii);
    case "ip": {
      const bytes = ipAddressBytes(value);
      if (!bytes) throw refuse("an IPv4 or IPv6 address");
      return tlv(0x87, bytes);
    }
    case "email":
      if (!/^[^@]+@[^@]+$/.test(value)) throw refuse("an email address");
      return tlv(0x81, ascii);
    case "uri":
      if (!URL.canParse(value)) throw refuse("an absolute URI");
      return tlv(0x86, ascii);
    default:
      throw new PkiError(
        "invalid_request",
        `Subject alternative names of type ${String(name?.type)} are not supported.`,
      );
  }
}
