import { createHash, createPublicKey, sign, verify, type KeyObject } from "node:crypto";
import * as asn1js from "asn1js";
import type * as Pkijs from "pkijs";
import { bytes, octets, parseWith, unreadable } from "./asn1.js";
import { namesCertificate } from "./issuer-and-serial.js";
import { pkijsWithEngine } from "./pkijs-engine.js";
import { OID } from "./protocol.js";
import {
  decodeScepAttributes,
  encodeScepAttributes,
  singleValue,
  type ScepAttributes,
} from "./scep-attributes.js";

/** Digests accepted on signed messages. SHA-1 stays because older clients still sign with it. */
const DIGESTS = new Map([
  ["1.3.14.3.2.26", "sha1"],
  ["2.16.840.1.101.3.4.2.1", "sha256"],
  ["2.16.840.1.101.3.4.2.2", "sha384"],
  ["2.16.840.1.101.3.4.2.3", "sha512"],
]);

export interface MessageSigner {
  certificateDer: Uint8Array;
  privateKey: KeyObject;
}

/**
 * A SCEP pkiMessage: a SignedData over `content` (an envelope, or nothing in a failure reply), with
 * the SCEP attributes signed alongside contentType and messageDigest. Signed with SHA-256 and RSA.
 */
export function signPkiMessage(options: {
  content: Uint8Array | undefined;
  attributes: ScepAttributes;
  signer: MessageSigner;
}): Uint8Array {
  const pkijs = pkijsWithEngine();
  const certificate = pkijs.Certificate.fromBER(bytes(options.signer.certificateDer));
  const content = options.content ?? new Uint8Array();
  const signedAttributes = [
    new pkijs.Attribute({
      type: OID.contentType,
      values: [new asn1js.ObjectIdentifier({ value: OID.data })],
    }),
    new pkijs.Attribute({
      type: OID.messageDigest,
      values: [octets(createHash("sha256").update(content).digest())],
    }),
    ...encodeScepAttributes(options.attributes),
  ];
  // The signature covers the attributes encoded as a SET, not with the [0] tag they are sent under.
  const toBeSigned = new asn1js.Set({
    value: signedAttributes.map((attribute) => attribute.toSchema()),
  }).toBER();
  const signature = sign("sha256", new Uint8Array(toBeSigned), options.signer.privateKey);
  const sha256 = new pkijs.AlgorithmIdentifier({
    algorithmId: OID.sha256,
    algorithmParams: new asn1js.Null(),
  });
  const signerInfo = new pkijs.SignerInfo({
    version: 1,
    sid: new pkijs.IssuerAndSerialNumber({
      issuer: certificate.issuer,
      serialNumber: certificate.serialNumber,
    }),
    digestAlgorithm: sha256,
    signedAttrs: new pkijs.SignedAndUnsignedAttributes({ type: 0, attributes: signedAttributes }),
    signatureAlgorithm: new pkijs.AlgorithmIdentifier({
      algorithmId: OID.rsaEncryption,
      algorithmParams: new asn1js.Null(),
    }),
    signature: octets(signature),
  });
  const encapsulated = new pkijs.EncapsulatedContentInfo({ eContentType: OID.data });
  // Set after construction: pkijs's constructor would cut it into a constructed (BER) string.
  if (options.content) encapsulated.eContent = octets(options.content);
  const signedData = new pkijs.SignedData({
    version: 1,
    digestAlgorithms: [sha256],
    encapContentInfo: encapsulated,
    certificates: [certificate],
    signerInfos: [signerInfo],
  });
  return bytes(
    new pkijs.ContentInfo({ contentType: OID.signedData, content: signedData.toSchema() }).toSchema().toBER(),
  );
}

export interface ReadPkiMessage {
  attributes: ScepAttributes;
  content: Uint8Array | undefined;
  /** The certificate whose key made the signature: from the message, or one of `knownSigners`. */
  signerCertificateDer: Uint8Array;
  signatureValid: boolean;
}

/**
 * Reads a pkiMessage and checks its signature. Structure errors throw (the message cannot be
 * answered); a signature that does not verify is reported, so a server can still answer FAILURE.
 */
export function readPkiMessage(der: Uint8Array, knownSigners: readonly Uint8Array[] = []): ReadPkiMessage {
  const pkijs = pkijsWithEngine();
  const info = parseWith(pkijs.ContentInfo, der, "SCEP message");
  if (info.contentType !== OID.signedData) throw unreadable("The SCEP message is not a CMS SignedData.");
  let signedData: Pkijs.SignedData;
  try {
    signedData = new pkijs.SignedData({ schema: info.content });
  } catch (cause) {
    throw unreadable("The SCEP message is not a well-formed SignedData.", cause);
  }
  const [signerInfo, ...others] = signedData.signerInfos;
  if (!signerInfo || others.length > 0) throw unreadable("The SCEP message must have exactly one signer.");
  const signedAttributes = signerInfo.signedAttrs;
  if (!signedAttributes) throw unreadable("The SCEP message has no signed attributes.");
  const attributes = decodeScepAttributes(signedAttributes.attributes);
  const eContent = signedData.encapContentInfo.eContent;
  const content = eContent ? bytes(eContent.getValue()) : undefined;

  const candidates = [
    ...(signedData.certificates ?? [])
      .filter((item): item is Pkijs.Certificate => item instanceof pkijs.Certificate)
      .map((certificate) => bytes(certificate.toSchema().toBER())),
    ...knownSigners,
  ];
  const signerCertificateDer = candidates.find((candidate) =>
    namesCertificate(signerInfo.sid, pkijs.Certificate.fromBER(candidate)),
  );
  if (!signerCertificateDer)
    throw unreadable("The SCEP message does not carry the certificate of its signer.");

  const hash = DIGESTS.get(signerInfo.digestAlgorithm.algorithmId);
  const digest = singleValue(signedAttributes.attributes, OID.messageDigest);
  const contentType = singleValue(signedAttributes.attributes, OID.contentType);
  const signatureValid =
    hash !== undefined &&
    digest instanceof asn1js.OctetString &&
    contentType instanceof asn1js.ObjectIdentifier &&
    contentType.getValue() === signedData.encapContentInfo.eContentType &&
    createHash(hash)
      .update(content ?? new Uint8Array())
      .digest()
      .equals(Buffer.from(digest.getValue())) &&
    verifySignature(
      hash,
      bytes(signedAttributes.encodedValue),
      signerCertificateDer,
      bytes(signerInfo.signature.getValue()),
    );
  return { attributes, content, signerCertificateDer, signatureValid };
}

function verifySignature(
  hash: string,
  data: Uint8Array,
  certificateDer: Uint8Array,
  signature: Uint8Array,
): boolean {
  try {
    const certificate = pkijsWithEngine().Certificate.fromBER(bytes(certificateDer));
    const key = createPublicKey({
      key: Buffer.from(certificate.subjectPublicKeyInfo.toSchema().toBER()),
      format: "der",
      type: "spki",
    });
    return verify(hash, data, key, signature);
  } catch {
    return false;
  }
}
