import { tlv } from "../der-writer.js";
import { OID } from "./algorithms.js";
import { MalformedBer } from "./ber.js";
import { BerReader, expectTag, TAG } from "./ber-reader.js";
import type { BerElement } from "./ber.js";

/** How a SignerInfo names its certificate (RFC 5652 5.3). */
export type SignerIdentifier =
  { issuer: Uint8Array; serialNumber: Uint8Array } | { subjectKeyIdentifier: Uint8Array };

export interface SignedAttribute {
  type: string;
  values: BerElement[];
}

export interface SignerInfoParts {
  sid: SignerIdentifier;
  digestAlgorithm: string;
  /** The attributes and the DER that the signature covers: the [0] field re-tagged as a SET. */
  signedAttributes?: { der: Uint8Array; attributes: SignedAttribute[] };
  signatureAlgorithm: string;
  signature: Uint8Array;
}

export interface SignedDataParts {
  reader: BerReader;
  contentType: string;
  /** The encapsulated content, when the signature is not detached. */
  content?: Uint8Array;
  /** Each certificate's bytes exactly as received. */
  certificates: Uint8Array[];
  signers: SignerInfoParts[];
}

/**
 * ContentInfo { signedData, [0] SignedData { version, digestAlgorithms, encapContentInfo,
 * [0] certificates OPTIONAL, [1] crls OPTIONAL, signerInfos } }. Only the fields verification needs
 * are read; unknown certificate choices and CRLs are skipped, not interpreted.
 */
export function readSignedData(bytes: Uint8Array, maxDepth?: number): SignedDataParts {
  const reader = new BerReader(bytes, maxDepth);
  const [contentType, explicitContent] = reader.children(
    expectTag(reader.root(), TAG.sequence, "ContentInfo"),
  );
  if (reader.objectIdentifier(contentType, "the content type") !== OID.signedData)
    throw new MalformedBer("it is not CMS SignedData");
  const [signedData] = reader.children(expectTag(explicitContent, TAG.context(0), "the SignedData"));
  const fields = reader.children(expectTag(signedData, TAG.sequence, "the SignedData"));
  expectTag(fields[0], TAG.integer, "the SignedData version");
  expectTag(fields[1], TAG.set, "the digest algorithms");
  const encapsulated = readEncapsulatedContent(reader, fields[2]);
  let next = 3;
  let certificates: Uint8Array[] = [];
  if (fields[next]?.tag === TAG.context(0)) {
    certificates = reader
      .children(fields[next++]!)
      .filter((choice) => choice.tag === TAG.sequence)
      .map((certificate) => reader.whole(certificate));
  }
  if (fields[next]?.tag === TAG.context(1)) next++;
  const signerInfos = reader.children(expectTag(fields[next], TAG.set, "the signer infos"));
  if (fields.length !== next + 1) throw new MalformedBer("the SignedData has unexpected fields");
  return {
    reader,
    ...encapsulated,
    certificates,
    signers: signerInfos.map((signerInfo) => readSignerInfo(reader, signerInfo)),
  };
}

function readEncapsulatedContent(reader: BerReader, element: BerElement | undefined) {
  const [type, explicitContent] = reader.children(
    expectTag(element, TAG.sequence, "the encapsulated content"),
  );
  const contentType = reader.objectIdentifier(type, "the encapsulated content type");
  if (!explicitContent) return { contentType };
  const [octets] = reader.children(expectTag(explicitContent, TAG.context(0), "the encapsulated content"));
  return { contentType, content: reader.octets(octets, "the encapsulated content") };
}

/** SignerInfo { version, sid, digestAlgorithm, [0] signedAttrs OPTIONAL, signatureAlgorithm, signature, [1] unsignedAttrs OPTIONAL } */
function readSignerInfo(reader: BerReader, element: BerElement): SignerInfoParts {
  const fields = reader.children(expectTag(element, TAG.sequence, "a signer info"));
  expectTag(fields[0], TAG.integer, "the signer info version");
  const sid = readSignerIdentifier(reader, fields[1]);
  const digestAlgorithm = algorithmOid(reader, fields[2], "the digest algorithm");
  let next = 3;
  const signedAttributes =
    fields[next]?.tag === TAG.context(0) ? readSignedAttributes(reader, fields[next++]!) : undefined;
  const signatureAlgorithm = algorithmOid(reader, fields[next++], "the signature algorithm");
  const signature = reader.octets(fields[next++], "the signature value");
  if (fields[next]?.tag === TAG.context(1)) next++;
  if (fields.length !== next) throw new MalformedBer("a signer info has unexpected fields");
  return { sid, digestAlgorithm, signedAttributes, signatureAlgorithm, signature };
}

function readSignerIdentifier(reader: BerReader, element: BerElement | undefined): SignerIdentifier {
  if (element?.tag === TAG.contextPrimitive(0)) return { subjectKeyIdentifier: reader.content(element) };
  const [issuer, serialNumber] = reader.children(expectTag(element, TAG.sequence, "the signer identifier"));
  return {
    issuer: reader.whole(expectTag(issuer, TAG.sequence, "the signer's issuer")),
    serialNumber: reader.content(expectTag(serialNumber, TAG.integer, "the signer's serial number")),
  };
}

function algorithmOid(reader: BerReader, element: BerElement | undefined, what: string): string {
  const [oid] = reader.children(expectTag(element, TAG.sequence, what));
  return reader.objectIdentifier(oid, what);
}

/**
 * The signature covers the DER of the attributes as a SET (RFC 5652 5.4), which is the received
 * [0] with its tag changed. BER from a streaming encoder may send the [0] with an indefinite length;
 * its DER is then rebuilt from the attributes, which must themselves be definite.
 */
function readSignedAttributes(reader: BerReader, element: BerElement) {
  const children = reader.children(element);
  const attributes = children.map((attribute) => {
    const [type, values] = reader.children(expectTag(attribute, TAG.sequence, "a signed attribute"));
    return {
      type: reader.objectIdentifier(type, "a signed attribute's type"),
      values: reader.children(expectTag(values, TAG.set, "a signed attribute's values")),
    };
  });
  if (attributes.length === 0) throw new MalformedBer("the signed attributes are empty");
  if (!element.indefinite) {
    const der = Uint8Array.from(reader.whole(element));
    der[0] = TAG.set;
    return { der, attributes };
  }
  if (children.some((child) => child.indefinite))
    throw new MalformedBer("the signed attributes are not DER-encoded");
  return { der: tlv(TAG.set, ...children.map((child) => reader.whole(child))), attributes };
}
