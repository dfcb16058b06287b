export type PkiErrorCode =
  /** Not PEM at all, the wrong kind of PEM block, or base64 that does not decode. */
  | "malformed_pem"
  /** Larger than any legitimate input of its kind; refused before parsing. */
  | "input_too_large"
  /** PEM decoded, but the bytes are not a well-formed PKCS#10 request. */
  | "invalid_csr"
  | "csr_signature_invalid"
  /** The request is signed with an algorithm this CA does not check, such as SHA-1 or RSA-PSS. */
  | "unsupported_algorithm"
  /** A key type this CA signs, but too small (RSA below 2048 bits) or with a bad exponent. */
  | "weak_key"
  /** A key type or curve this CA does not sign: only ECDSA P-256, P-384 and RSA are accepted. */
  | "unsupported_key"
  | "invalid_certificate"
  | "invalid_private_key"
  /** The private key does not belong to the certificate it was loaded with. */
  | "key_mismatch"
  /** The certificate offered as a CA cannot sign certificates. */
  | "not_a_ca"
  /** The CA's own certificate has expired, so nothing it signs could be verified. */
  | "ca_expired"
  /** A SCEP message that cannot be parsed, or whose envelope or signature cannot be read at all. */
  | "scep_unreadable_message"
  /** The SCEP server answered an enrolment with FAILURE, or with a reply that does not check out. */
  | "scep_enrolment_failed"
  /** The caller's own options are wrong: validity, host names, serial numbers, extensions. */
  | "invalid_request"
  /** A CMS signature (Mdm-Signature) that is not base64, not BER, too deep, or not shaped as CMS SignedData. */
  | "malformed_signature"
  /** A CMS signature without a signer, or whose signer's certificate is not included. */
  | "no_signer"
  /** A well-formed CMS signature that does not verify over the content with the included certificate. */
  | "bad_signature";

/**
 * Every failure this package reports on purpose. The package does not depend on core, so the server
 * maps these codes to a MeridianError kind where it calls in (a CSR problem is the device's fault).
 */
export class PkiError extends Error {
  readonly code: PkiErrorCode;

  constructor(code: PkiErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.name = "PkiError";
    this.code = code;
  }
}
