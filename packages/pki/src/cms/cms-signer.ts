import { createPrivateKey, createPublicKey, sign, type KeyObject } from "node:crypto";
import { promisify } from "node:util";
import { MalformedDer, whole } from "../der-reader.js";
import { sequence } from "../der-writer.js";
import { PkiError } from "../errors.js";
import { decodePem, MAX_PEM_CHARS } from "../pem.js";
import { certificateFields } from "./certificate-fields.js";

const signAsync = promisify(sign);

export interface CmsSigningIdentity {
  certificatePem: string;
  privateKeyPem: string;
  /** Intermediate and root certificates to include after the signer's, for relying parties without them. */
  chainPems?: string[];
}

/** A signing key with its certificate, read once so that each signature costs only the signing. */
export interface PreparedCmsSigner {
  keyType: "rsa" | "ec";
  certificateDer: Uint8Array;
  chainDers: Uint8Array[];
  /** IssuerAndSerialNumber naming the certificate, as the SignerInfo's sid. */
  signerIdentifier: Uint8Array;
  /** Signs on libuv's thread pool, so concurrent signers use every core. */
  sign(digest: string, data: Uint8Array): Promise<Uint8Array>;
}

export function prepareCmsSigner(identity: CmsSigningIdentity): PreparedCmsSigner {
  const certificateDer = decodePem(identity.certificatePem, ["CERTIFICATE"], "signer certificate");
  const chainDers = (identity.chainPems ?? []).map((pem) =>
    decodePem(pem, ["CERTIFICATE"], "chain certificate"),
  );
  const privateKey = readPrivateKey(identity.privateKeyPem);
  const certificate = readSignerCertificate(certificateDer);
  if (!belongsTo(privateKey, certificate.subjectPublicKeyInfo))
    throw new PkiError("key_mismatch", "The private key does not belong to the signer certificate.");
  const keyType = privateKey.asymmetricKeyType;
  if (keyType !== "rsa" && keyType !== "ec")
    throw new PkiError(
      "unsupported_key",
      `A CMS signer key must be RSA or ECDSA, not ${keyType ?? "an unknown type"}.`,
    );
  return {
    keyType,
    certificateDer,
    chainDers,
    signerIdentifier: sequence(certificate.issuer, certificate.serialNumber),
    sign: async (digest, data) => new Uint8Array(await signAsync(digest, data, privateKey)),
  };
}

function readPrivateKey(pem: unknown): KeyObject {
  if (typeof pem !== "string" || pem.length > MAX_PEM_CHARS)
    throw new PkiError("invalid_private_key", "The signer's private key must be PEM text.");
  try {
    return createPrivateKey({ key: pem, format: "pem" });
  } catch (cause) {
    throw new PkiError(
      "invalid_private_key",
      "The signer's private key could not be read; give an unencrypted PEM private key (PKCS#8, SEC1 or PKCS#1).",
      { cause },
    );
  }
}

/** The certificate fields a SignerInfo copies (issuer, serialNumber) and the key to check against. */
function readSignerCertificate(der: Uint8Array) {
  try {
    const fields = certificateFields(der);
    return {
      issuer: whole(der, fields.issuer),
      serialNumber: whole(der, fields.serialNumber),
      subjectPublicKeyInfo: whole(der, fields.subjectPublicKeyInfo),
    };
  } catch (cause) {
    if (!(cause instanceof MalformedDer)) throw cause;
    throw new PkiError(
      "invalid_certificate",
      "The signer certificate is not a well-formed X.509 certificate.",
      {
        cause,
      },
    );
  }
}

/**
 * Comparing encodings is quick; decoding the certificate's key costs OpenSSL 3 about half a
 * millisecond, so it is done only when the bytes differ (another but equivalent EC point encoding).
 */
function belongsTo(privateKey: KeyObject, spki: Uint8Array): boolean {
  const derived = createPublicKey(privateKey);
  if (Buffer.from(spki).equals(derived.export({ type: "spki", format: "der" }))) return true;
  try {
    return createPublicKey({ key: Buffer.from(spki), format: "der", type: "spki" }).equals(derived);
  } catch (cause) {
    throw new PkiError("invalid_certificate", "The signer certificate's public key could not be read.", {
      cause,
    });
  }
}
