import { PkiError } from "../errors.js";

/** Node's names for the digests a CMS signer may use. MD5 is absent on purpose. */
export type CmsDigest = "sha1" | "sha256" | "sha384" | "sha512";

export const DIGEST_OIDS: Readonly<Record<CmsDigest, string>> = {
  sha1: "1.3.14.3.2.26",
  sha256: "2.16.840.1.101.3.4.2.1",
  sha384: "2.16.840.1.101.3.4.2.2",
  sha512: "2.16.840.1.101.3.4.2.3",
};

const DIGEST_BY_OID = new Map(Object.entries(DIGEST_OIDS).map(([name, oid]) => [oid, name as CmsDigest]));

export const OID = {
  data: "1.2.840.113549.1.7.1",
  signedData: "1.2.840.113549.1.7.2",
  contentTypeAttribute: "1.2.840.113549.1.9.3",
  messageDigestAttribute: "1.2.840.113549.1.9.4",
  signingTimeAttribute: "1.2.840.113549.1.9.5",
  rsaEncryption: "1.2.840.113549.1.1.1",
  ecdsaWith: {
    sha1: "1.2.840.10045.4.1",
    sha256: "1.2.840.10045.4.3.2",
    sha384: "1.2.840.10045.4.3.3",
    sha512: "1.2.840.10045.4.3.4",
  } satisfies Record<CmsDigest, string>,
} as const;

export interface SignatureAlgorithm {
  keyType: "rsa" | "ec";
  /** Set when the algorithm names its digest (sha256WithRSAEncryption); it must match the signer's. */
  digest?: CmsDigest;
}

/**
 * Signers write either the bare key algorithm (rsaEncryption, as OpenSSL does for RSA) or the
 * combined one (ecdsa-with-SHA256, sha1WithRSAEncryption); both mean PKCS#1 v1.5 or ECDSA here.
 * RSA-PSS is not used by any Apple device and is refused rather than half supported.
 */
const SIGNATURE_BY_OID = new Map<string, SignatureAlgorithm>([
  [OID.rsaEncryption, { keyType: "rsa" }],
  ["1.2.840.113549.1.1.5", { keyType: "rsa", digest: "sha1" }],
  ["1.2.840.113549.1.1.11", { keyType: "rsa", digest: "sha256" }],
  ["1.2.840.113549.1.1.12", { keyType: "rsa", digest: "sha384" }],
  ["1.2.840.113549.1.1.13", { keyType: "rsa", digest: "sha512" }],
  ["1.2.840.10045.2.1", { keyType: "ec" }],
  ...Object.entries(OID.ecdsaWith).map(
    ([digest, oid]) => [oid, { keyType: "ec", digest: digest as CmsDigest }] as const,
  ),
]);

export function digestFromOid(oid: string): CmsDigest {
  const digest = DIGEST_BY_OID.get(oid);
  if (!digest)
    throw new PkiError(
      "unsupported_algorithm",
      `The signature uses digest algorithm ${oid}; only SHA-1, SHA-256, SHA-384 and SHA-512 are accepted.`,
    );
  return digest;
}

export function signatureAlgorithmFromOid(oid: string, digest: CmsDigest): SignatureAlgorithm {
  const algorithm = SIGNATURE_BY_OID.get(oid);
  if (!algorithm)
    throw new PkiError(
      "unsupported_algorithm",
      `The signature uses signature algorithm ${oid}; only RSA PKCS#1 v1.5 and ECDSA are accepted.`,
    );
  if (algorithm.digest && algorithm.digest !== digest)
    throw new PkiError(
      "unsupported_algorithm",
      `The signature names ${algorithm.digest} in its signature algorithm but ${digest} as its digest.`,
    );
  return algorithm;
}
