import { createPublicKey } from "node:crypto";
import { sha256Hex } from "./certificate.js";
import { signCertificate } from "./certificate-encoder.js";
import { readVerifiedRequest } from "./certificate-request.js";
import { PkiError } from "./errors.js";
import {
  certificateAuthorityExtensions,
  keyIdentifier,
  type CertificateUsage,
  type CustomExtension,
} from "./extensions.js";
import { issueLeafCertificate, type IssuedCertificate } from "./issue-certificate.js";
import type { Issuer } from "./issuer.js";
import { acceptRequestKey, newP256Key } from "./keys.js";
import {
  EMPTY_NAME,
  encodeName,
  hostNamesToAltNames,
  type SubjectAltName,
  type SubjectName,
} from "./names.js";
import { decodePem, encodePem } from "./pem.js";
import { signRevocationList, type RevokedCertificate } from "./revocation-list.js";
import { randomSerialNumber } from "./serial-number.js";
import { importSigner, signerFor } from "./signer.js";
import { validityWindow } from "./validity.js";
import { readCaCertificate } from "./ca-certificate.js";

export interface CaKeyAndCertificate {
  certificatePem: string;
  privateKeyPem: string;
}

/** A self-signed root for one tenant, on a fresh ECDSA P-256 key. */
export async function createCertificateAuthority(options: {
  commonName: string;
  organization?: string;
  validityDays: number;
}): Promise<CaKeyAndCertificate> {
  const name = encodeName({ commonName: options.commonName, organization: options.organization });
  const { notBefore, notAfter } = validityWindow(options.validityDays);
  const key = await newP256Key();
  const der = await signCertificate(
    {
      serialNumber: randomSerialNumber(),
      issuer: name,
      subject: name,
      notBefore,
      notAfter,
      subjectPublicKeyInfo: key.spki,
      extensions: certificateAuthorityExtensions(keyIdentifier(key.spki)),
    },
    signerFor(key.privateKey),
  );
  return { certificatePem: encodePem(der, "CERTIFICATE"), privateKeyPem: key.privateKeyPem };
}

export interface IssuedServerCertificate extends IssuedCertificate {
  privateKeyPem: string;
}

export interface IssueFromCsrOptions {
  /** Replaces the request's subject entirely; without it the request's subject is kept as it is. */
  subject?: SubjectName;
  validityDays: number;
  usage: CertificateUsage;
  subjectAltNames?: SubjectAltName[];
  extensions?: CustomExtension[];
}

export interface IssueForKeyOptions {
  subject: SubjectName;
  validityDays: number;
  usage: CertificateUsage;
}

export interface CertificateAuthority {
  readonly certificatePem: string;
  /** SHA-256 of the CA certificate's DER, lowercase hex without colons. */
  readonly fingerprint: string;
  readonly notAfter: Date;
  /** A server certificate on a fresh P-256 key, for the given DNS names and IP addresses. */
  issueServerCertificate(options: {
    hostNames: string[];
    validityDays: number;
  }): Promise<IssuedServerCertificate>;
  /** Signs a device's request. The CA decides every extension; nothing is copied from the request. */
  issueFromCsr(csrPem: string, options: IssueFromCsrOptions): Promise<IssuedCertificate>;
  /**
   * Certifies a key the caller made itself (the SCEP RA's RSA key), so there is no request to verify.
   * The key must still pass the CA's key policy, and the CA decides every extension from `usage`.
   */
  issueForKey(publicKeyPem: string, options: IssueForKeyOptions): Promise<IssuedCertificate>;
  /** A CRL listing `revoked`, valid for `nextUpdateDays`. */
  createCrl(revoked: readonly RevokedCertificate[], nextUpdateDays: number): Promise<string>;
}

export async function loadCertificateAuthority(
  certificatePem: string,
  privateKeyPem: string,
): Promise<CertificateAuthority> {
  const { der, subject, subjectPublicKeyInfo, isCa, mayCertify, subjectKeyId, notAfter } =
    readCaCertificate(certificatePem);
  if (!isCa || mayCertify === false)
    throw new PkiError(
      "not_a_ca",
      "This certificate is not a CA certificate (basicConstraints CA:TRUE, keyCertSign).",
    );
  const signer = importSigner(privateKeyPem);
  const certificateKey = createPublicKey({
    key: Buffer.from(subjectPublicKeyInfo),
    format: "der",
    type: "spki",
  });
  if (!certificateKey.equals(signer.publicKey))
    throw new PkiError("key_mismatch", "The private key does not belong to this CA certificate.");
  const issuer: Issuer = {
    name: subject,
    keyId: subjectKeyId ?? keyIdentifier(subjectPublicKeyInfo),
    notAfter,
    signer,
  };

  return {
    certificatePem: encodePem(der, "CERTIFICATE"),
    fingerprint: sha256Hex(der),
    notAfter,

    async issueServerCertificate({ hostNames, validityDays }) {
      const altNames = hostNamesToAltNames(hostNames);
      const key = await newP256Key();
      const firstName = hostNames[0]!;
      const issued = await issueLeafCertificate(issuer, {
        // A common name holds at most 64 characters; a longer host name lives in the SAN alone.
        subject: firstName.length <= 64 ? encodeName({ commonName: firstName }) : EMPTY_NAME,
        subjectPublicKeyInfo: key.spki,
        keyType: "ec",
        usage: "server",
        altNames,
        custom: [],
        validityDays,
      });
      return { ...issued, privateKeyPem: key.privateKeyPem };
    },

    async issueFromCsr(csrPem, options) {
      const request = await readVerifiedRequest(csrPem);
      return issueLeafCertificate(issuer, {
        subject: options.subject ? encodeName(options.subject) : request.subject,
        subjectPublicKeyInfo: request.subjectPublicKeyInfo,
        keyType: request.keyType,
        usage: options.usage,
        altNames: options.subjectAltNames ?? [],
        custom: options.extensions ?? [],
        validityDays: options.validityDays,
      });
    },

    async issueForKey(publicKeyPem, options) {
      const subjectPublicKeyInfo = decodePem(publicKeyPem, ["PUBLIC KEY"], "public key");
      const { type } = acceptRequestKey(subjectPublicKeyInfo);
      return issueLeafCertificate(issuer, {
        subject: encodeName(options.subject),
        subjectPublicKeyInfo,
        keyType: type,
        usage: options.usage,
        altNames: [],
        custom: [],
        validityDays: options.validityDays,
      });
    },

    createCrl: (revoked, nextUpdateDays) => signRevocationList(issuer, revoked, nextUpdateDays),
  };
}
