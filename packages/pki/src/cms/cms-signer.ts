import { createPrivateKey, createPublicKey, sign, X509Certificate, type KeyObject } from "node:crypto";
import { promisify } from "node:util";
import { expectTag, MalformedDer, readChildren, readElement, whole } from "../der-reader.js";
import { sequence } from "../der-writer.js";
import { PkiError } from "../errors.js";
import { decodePem, MAX_PEM_CHARS } from "../pem.js";

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
  let certificateKey: KeyObject;
  try {
    certificateKey = new X509Certificate(certificateDer).publicKey;
  } catch (cause) {
    throw new PkiError(
      "invalid_certificate",
      "The signer certificate is not a well-formed X.509 certificate.",
      {
        cause,
      },
    );
  }
  if (!certificateKey.equals(createPublicKey(privateKey)))
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
    signerIdentifier: issuerAndSerialNumber(certificateDer),
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

/** IssuerAndSerialNumber ::= SEQUENCE { issuer Name, serialNumber INTEGER }, copied from the certificate. */
function issuerAndSerialNumber(der: Uint8Array): Uint8Array {
  try {
    const [tbs] = readChildren(der, expectTag(readElement(der, 0), 0x30, "certificate"));
    const fields = readChildren(der, expectTag(tbs, 0x30, "tbsCertificate"));
    const [serialNumber, , issuer] = fields[0]?.tag === 0xa0 ? fields.slice(1) : fields;
    return sequence(
      whole(der, expectTag(issuer, 0x30, "issuer")),
      whole(der, expectTag(serialNumber, 0x02, "serialNumber")),
    );
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
