import { createHash } from "node:crypto";
import {
  derNull,
  explicit,
  objectIdentifier,
  octetString,
  sequence,
  set,
  smallInteger,
  time,
  type Der,
} from "../der-writer.js";
import { DIGEST_OIDS, OID, type CmsDigest } from "./algorithms.js";
import { prepareCmsSigner, type CmsSigningIdentity, type PreparedCmsSigner } from "./cms-signer.js";

/**
 * A detached CMS SignedData over `content`, as a device sends in Mdm-Signature: the signer's
 * certificate included, signed attributes (contentType, signingTime, messageDigest), no content.
 * It reads the PEM on every call, which costs OpenSSL 3 about 1 ms for an RSA key; a simulated
 * device that signs many requests prepares its signer once (prepareCmsSigner) and calls signCms.
 */
export async function signDetachedCms(
  content: Uint8Array,
  options: CmsSigningIdentity & { digest: "sha1" | "sha256" },
): Promise<Uint8Array> {
  return signCms(prepareCmsSigner(options), content, options.digest, false);
}

/** A CMS SignedData carrying `content`, as a signed .mobileconfig profile is, with SHA-256. */
export async function signAttachedCms(content: Uint8Array, options: CmsSigningIdentity): Promise<Uint8Array> {
  return signCms(prepareCmsSigner(options), content, "sha256", true);
}

/**
 * Writes the SignedData with the package's DER writer and signs the attributes with node:crypto:
 * pkijs 4 takes about 10 ms only to parse one such structure; the writer takes under 0.1 ms.
 */
export async function signCms(
  signer: PreparedCmsSigner,
  content: Uint8Array,
  digest: CmsDigest,
  attached: boolean,
): Promise<Uint8Array> {
  const attributes = signedAttributes(createHash(digest).update(content).digest(), new Date());
  const signature = await signer.sign(digest, attributes);
  const digestAlgorithm = sequence(objectIdentifier(DIGEST_OIDS[digest]));
  const signerInfo = sequence(
    smallInteger(1),
    signer.signerIdentifier,
    digestAlgorithm,
    implicitZero(attributes),
    signatureAlgorithm(signer.keyType, digest),
    octetString(signature),
  );
  const encapsulated = attached
    ? sequence(objectIdentifier(OID.data), explicit(0, octetString(content)))
    : sequence(objectIdentifier(OID.data));
  const signedData = sequence(
    smallInteger(1),
    set(digestAlgorithm),
    encapsulated,
    explicit(0, signer.certificateDer, ...signer.chainDers),
    set(signerInfo),
  );
  return sequence(objectIdentifier(OID.signedData), explicit(0, signedData));
}

/** The attributes as the DER SET the signature covers, elements in DER's sorted order. */
function signedAttributes(messageDigest: Uint8Array, signingTime: Date): Der {
  const attribute = (type: string, value: Der) => sequence(objectIdentifier(type), set(value));
  const attributes = [
    attribute(OID.contentTypeAttribute, objectIdentifier(OID.data)),
    attribute(OID.signingTimeAttribute, time(signingTime)),
    attribute(OID.messageDigestAttribute, octetString(messageDigest)),
  ].sort(Buffer.compare);
  return set(...attributes);
}

/** In the SignerInfo the same SET is written as [0] IMPLICIT. */
function implicitZero(setDer: Der): Der {
  const field = Uint8Array.from(setDer);
  field[0] = 0xa0;
  return field;
}

/** RSA as rsaEncryption, as OpenSSL writes it (RFC 3370 3.2); ECDSA names its digest (RFC 5753 7.1.3). */
function signatureAlgorithm(keyType: "rsa" | "ec", digest: CmsDigest): Der {
  return keyType === "rsa"
    ? sequence(objectIdentifier(OID.rsaEncryption), derNull)
    : sequence(objectIdentifier(OID.ecdsaWith[digest]));
}
