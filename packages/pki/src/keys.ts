import { createPublicKey, generateKeyPair as generateNodeKeyPair, KeyObject, webcrypto } from "node:crypto";
import { promisify } from "node:util";
import { PkiError } from "./errors.js";

export type CryptoKeyPair = webcrypto.CryptoKeyPair;

export interface GeneratedKeyPair {
  keys: CryptoKeyPair;
  privateKeyPem: string;
  publicKeyPem: string;
}

/** A fresh exportable ECDSA P-256 key pair, as WebCrypto keys and as PKCS#8 / SPKI PEM. */
export async function generateKeyPair(): Promise<GeneratedKeyPair> {
  const keys = await webcrypto.subtle.generateKey({ name: "ECDSA", namedCurve: "P-256" }, true, [
    "sign",
    "verify",
  ]);
  return {
    keys,
    privateKeyPem: KeyObject.from(keys.privateKey).export({ type: "pkcs8", format: "pem" }).toString(),
    publicKeyPem: KeyObject.from(keys.publicKey).export({ type: "spki", format: "pem" }).toString(),
  };
}

const generateP256 = promisify(generateNodeKeyPair);

/** A P-256 key made on the CA's side (CA roots, server certificates), as node KeyObjects. */
export async function newP256Key(): Promise<{
  privateKey: KeyObject;
  spki: Uint8Array;
  privateKeyPem: string;
}> {
  const { privateKey, publicKey } = await generateP256("ec", { namedCurve: "P-256" });
  return {
    privateKey,
    spki: publicKey.export({ type: "spki", format: "der" }),
    privateKeyPem: privateKey.export({ type: "pkcs8", format: "pem" }).toString(),
  };
}

export type RequestKeyType = "ec" | "rsa";

/** RSA keys above this size cost much time to verify and are not used by any device we manage. */
const MAX_RSA_BITS = 8192;

/**
 * The key policy for certificates this CA signs: ECDSA P-256 or P-384, or RSA from 2048 to 8192 bits
 * with an odd public exponent of at least 3. Anything else is refused with a reason.
 */
export function acceptRequestKey(spki: Uint8Array): { key: KeyObject; type: RequestKeyType } {
  let key: KeyObject;
  try {
    key = createPublicKey({ key: Buffer.from(spki), format: "der", type: "spki" });
  } catch (cause) {
    throw new PkiError(
      "unsupported_key",
      "The request's public key could not be read; only ECDSA P-256, P-384 and RSA keys are accepted.",
      { cause },
    );
  }
  const details = key.asymmetricKeyDetails ?? {};
  if (key.asymmetricKeyType === "ec") {
    if (details.namedCurve === "prime256v1" || details.namedCurve === "secp384r1") return { key, type: "ec" };
    throw new PkiError(
      "unsupported_key",
      `The request's key is on curve ${details.namedCurve ?? "(unnamed)"}; only P-256 and P-384 are accepted.`,
    );
  }
  if (key.asymmetricKeyType === "rsa") {
    const bits = details.modulusLength ?? 0;
    const exponent = details.publicExponent ?? 0n;
    if (bits < 2048)
      throw new PkiError("weak_key", `The request's RSA key has ${bits} bits; at least 2048 are required.`);
    if (bits > MAX_RSA_BITS)
      throw new PkiError(
        "unsupported_key",
        `The request's RSA key has ${bits} bits; at most ${MAX_RSA_BITS} are accepted.`,
      );
    if (exponent < 3n || exponent % 2n === 0n)
      throw new PkiError("weak_key", `The request's RSA key has an unsafe public exponent (${exponent}).`);
    return { key, type: "rsa" };
  }
  throw new PkiError(
    "unsupported_key",
    `The request's key type (${key.asymmetricKeyType ?? "unknown"}) is not accepted; use ECDSA P-256, P-384 or RSA.`,
  );
}
