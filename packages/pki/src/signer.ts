import { createPrivateKey, createPublicKey, sign, type KeyObject } from "node:crypto";
import { promisify } from "node:util";
import { bitString, derNull, objectIdentifier, sequence, type Der } from "./der-writer.js";
import { PkiError } from "./errors.js";
import { MAX_PEM_CHARS } from "./pem.js";

const signAsync = promisify(sign);

/** A CA's private key with the signature algorithm that suits it. */
export interface Signer {
  privateKey: KeyObject;
  publicKey: KeyObject;
  /** Node's name for the digest: "sha256" or "sha384". */
  hash: string;
  /** The DER AlgorithmIdentifier written into everything this key signs. */
  algorithmIdentifier: Der;
}

export function signerFor(privateKey: KeyObject): Signer {
  const details = privateKey.asymmetricKeyDetails ?? {};
  const make = (hash: string, algorithmIdentifier: Der): Signer => ({
    privateKey,
    publicKey: createPublicKey(privateKey),
    hash,
    algorithmIdentifier,
  });
  if (privateKey.asymmetricKeyType === "ec" && details.namedCurve === "prime256v1")
    return make("sha256", sequence(objectIdentifier("1.2.840.10045.4.3.2")));
  if (privateKey.asymmetricKeyType === "ec" && details.namedCurve === "secp384r1")
    return make("sha384", sequence(objectIdentifier("1.2.840.10045.4.3.3")));
  if (privateKey.asymmetricKeyType === "rsa" && (details.modulusLength ?? 0) >= 2048)
    return make("sha256", sequence(objectIdentifier("1.2.840.113549.1.1.11"), derNull));
  throw new PkiError(
    "unsupported_key",
    "A CA key must be ECDSA P-256, ECDSA P-384 or RSA of at least 2048 bits.",
  );
}

/**
 * Reads any PEM private key OpenSSL understands (PKCS#8, SEC1 "EC PRIVATE KEY", PKCS#1), so a CA
 * brought from elsewhere loads as well as one this package created.
 */
export function importSigner(pem: unknown): Signer {
  if (typeof pem !== "string")
    throw new PkiError("invalid_private_key", "The CA private key must be PEM text.");
  if (pem.length > MAX_PEM_CHARS)
    throw new PkiError("input_too_large", `The CA private key is larger than ${MAX_PEM_CHARS} characters.`);
  let key: KeyObject;
  try {
    key = createPrivateKey({ key: pem, format: "pem" });
  } catch (cause) {
    throw new PkiError(
      "invalid_private_key",
      "The CA private key could not be read; give an unencrypted PEM private key (PKCS#8 or SEC1).",
      { cause },
    );
  }
  return signerFor(key);
}

/**
 * Signs a to-be-signed structure and wraps it as certificates and CRLs are: SEQUENCE { tbs,
 * algorithm, BIT STRING signature }. Signing runs on libuv's thread pool, so an RSA CA does not stall
 * the event loop and concurrent issuances use every core.
 */
export async function signStructure(tbs: Der, signer: Signer): Promise<Der> {
  const signature = await signAsync(signer.hash, tbs, signer.privateKey);
  return sequence(tbs, signer.algorithmIdentifier, bitString(signature));
}
