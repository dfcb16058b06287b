import { createHash, timingSafeEqual, verify, type KeyObject } from "node:crypto";
import { sha256Hex } from "../certificate.js";
import { PkiError } from "../errors.js";
import { encodePem } from "../pem.js";
import { digestFromOid, OID, signatureAlgorithmFromOid, type CmsDigest } from "./algorithms.js";
import { DEFAULT_MAX_BER_DEPTH, MalformedBer } from "./ber.js";
import { TAG } from "./ber-reader.js";
import { readSignedData, type SignedDataParts, type SignerInfoParts } from "./read-signed-data.js";
import { certificatePublicKey } from "./certificate-keys.js";
import { findSignerCertificate } from "./signer-certificate.js";

export interface CmsVerifyLimits {
  /** Larger signatures are refused before parsing. A device's is about 2 KiB. */
  maxBytes?: number;
  /** The deepest BER nesting accepted. */
  maxDepth?: number;
}

export const DEFAULT_MAX_SIGNATURE_BYTES = 64 * 1024;

export interface VerifiedCmsSignature {
  /** The signer's certificate, not checked against any CA: that is the caller's job. */
  certificate: {
    der: Uint8Array;
    pem: string;
    /** SHA-256 of the DER, lowercase hex without colons. */
    fingerprint: string;
  };
  digestAlgorithm: CmsDigest;
}

/** RSA verification cost grows with the key; no device key is larger than this. */
const MAX_RSA_BITS = 8192;

/**
 * Verifies a detached CMS SignedData (DER or BER) over `content`: one signer, whose certificate is
 * included and whose signature, direct or over signed attributes, was made by that certificate's
 * key. Throws PkiError: input_too_large, malformed_signature, no_signer, unsupported_algorithm,
 * unsupported_key or bad_signature.
 */
export function verifyDetachedCms(
  signature: Uint8Array,
  content: Uint8Array,
  limits: CmsVerifyLimits = {},
): VerifiedCmsSignature {
  const maxBytes = limits.maxBytes ?? DEFAULT_MAX_SIGNATURE_BYTES;
  if (signature.length > maxBytes)
    throw new PkiError(
      "input_too_large",
      `The signature is ${signature.length} bytes; at most ${maxBytes} are accepted.`,
    );
  try {
    return verifyWithinLimits(signature, content, limits.maxDepth ?? DEFAULT_MAX_BER_DEPTH);
  } catch (error) {
    if (error instanceof MalformedBer)
      throw new PkiError(
        "malformed_signature",
        `The signature is not a valid CMS SignedData: ${error.message}.`,
        {
          cause: error,
        },
      );
    throw error;
  }
}

function verifyWithinLimits(
  signature: Uint8Array,
  content: Uint8Array,
  maxDepth: number,
): VerifiedCmsSignature {
  const parts = readSignedData(signature, maxDepth);
  if (parts.content !== undefined)
    throw new PkiError(
      "malformed_signature",
      "The signature carries its own content; a detached signature over the request body is expected.",
    );
  return verifySoleSigner(parts, content);
}

/** Checks the one signer of parsed SignedData over `content` (detached, or the content it carries). */
export function verifySoleSigner(parts: SignedDataParts, content: Uint8Array): VerifiedCmsSignature {
  if (parts.signers.length === 0) throw new PkiError("no_signer", "The signature has no signer.");
  if (parts.signers.length > 1)
    throw new PkiError(
      "malformed_signature",
      `The signature has ${parts.signers.length} signers; a device signs its messages alone.`,
    );
  const signer = parts.signers[0]!;
  const digest = digestFromOid(signer.digestAlgorithm);
  const algorithm = signatureAlgorithmFromOid(signer.signatureAlgorithm, digest);
  const certificateDer = findSignerCertificate(parts.certificates, signer.sid);
  const fingerprint = sha256Hex(certificateDer);
  const publicKey = signerKey(certificatePublicKey(certificateDer, fingerprint), algorithm.keyType);
  const signed = signedBytes(parts, signer, digest, content);
  if (!verifies(digest, signed, publicKey, signer.signature))
    throw new PkiError(
      "bad_signature",
      "The signature does not verify: the content was changed or was signed by another key.",
    );
  // A copy (Buffer's slice would be a view): the input may be a pooled request buffer.
  const der = new Uint8Array(certificateDer);
  return {
    certificate: {
      der,
      // Made only when asked for (from the copy): the check-in path never needs it.
      get pem() {
        return encodePem(der, "CERTIFICATE");
      },
      fingerprint,
    },
    digestAlgorithm: digest,
  };
}

function signerKey(key: KeyObject, keyType: "rsa" | "ec"): KeyObject {
  if (key.asymmetricKeyType !== keyType)
    throw new PkiError(
      "bad_signature",
      `The signature is ${keyType.toUpperCase()} but the signer's certificate holds a ${key.asymmetricKeyType ?? "different"} key.`,
    );
  if (keyType === "rsa" && (key.asymmetricKeyDetails?.modulusLength ?? 0) > MAX_RSA_BITS)
    throw new PkiError("unsupported_key", `The signer's RSA key is larger than ${MAX_RSA_BITS} bits.`);
  return key;
}

/**
 * Without signed attributes the signature covers the content itself. With them it covers the
 * attributes, which bind the content through messageDigest (RFC 5652 5.4 and 11).
 */
function signedBytes(
  parts: SignedDataParts,
  signer: SignerInfoParts,
  digest: CmsDigest,
  content: Uint8Array,
): Uint8Array {
  const signedAttributes = signer.signedAttributes;
  if (!signedAttributes) return content;
  const { reader } = parts;
  const contentType = singleValue(signedAttributes.attributes, OID.contentTypeAttribute, "contentType");
  if (reader.objectIdentifier(contentType, "the contentType attribute") !== parts.contentType)
    throw new PkiError(
      "malformed_signature",
      "The signed contentType attribute does not match the content type.",
    );
  const messageDigest = singleValue(signedAttributes.attributes, OID.messageDigestAttribute, "messageDigest");
  if (messageDigest.tag !== TAG.octetString)
    throw new PkiError("malformed_signature", "The signed messageDigest attribute is not an OCTET STRING.");
  const expected = reader.content(messageDigest);
  const actual = createHash(digest).update(content).digest();
  if (expected.length !== actual.length || !timingSafeEqual(expected, actual))
    throw new PkiError(
      "bad_signature",
      "The signature was made over different content: the message digest differs.",
    );
  return signedAttributes.der;
}

function singleValue(
  attributes: NonNullable<SignerInfoParts["signedAttributes"]>["attributes"],
  type: string,
  name: string,
) {
  const found = attributes.filter((attribute) => attribute.type === type);
  if (found.length !== 1 || found[0]!.values.length !== 1)
    throw new PkiError(
      "malformed_signature",
      `The signed attributes must hold exactly one ${name} attribute with one value.`,
    );
  return found[0]!.values[0]!;
}

function verifies(digest: CmsDigest, data: Uint8Array, key: KeyObject, signature: Uint8Array): boolean {
  try {
    return verify(digest, data, key, signature);
  } catch {
    // A malformed ECDSA signature or a wrong-sized RSA one makes OpenSSL throw rather than say no.
    return false;
  }
}
