import { signCertificate } from "./certificate-encoder.js";
import {
  endEntityExtensions,
  keyIdentifier,
  type CertificateUsage,
  type CustomExtension,
} from "./extensions.js";
import { PkiError } from "./errors.js";
import type { Issuer } from "./issuer.js";
import type { RequestKeyType } from "./keys.js";
import { EMPTY_NAME, type SubjectAltName } from "./names.js";
import { encodePem } from "./pem.js";
import { randomSerialNumber } from "./serial-number.js";
import { validityWindow } from "./validity.js";

export interface IssuedCertificate {
  certificatePem: string;
  /** Lowercase hex. */
  serialNumber: string;
  notAfter: Date;
}

export interface LeafCertificateRequest {
  /** DER Name. */
  subject: Uint8Array;
  /** DER SubjectPublicKeyInfo of a key whose possession was proven, or that the CA made itself. */
  subjectPublicKeyInfo: Uint8Array;
  keyType: RequestKeyType;
  usage: CertificateUsage;
  altNames: readonly SubjectAltName[];
  custom: readonly CustomExtension[];
  validityDays: number;
}

export async function issueLeafCertificate(
  issuer: Issuer,
  request: LeafCertificateRequest,
): Promise<IssuedCertificate> {
  const subjectIsEmpty = Buffer.from(request.subject).equals(EMPTY_NAME);
  if (subjectIsEmpty && request.altNames.length === 0)
    throw new PkiError(
      "invalid_request",
      "The certificate would name no one: give a subject or at least one subject alternative name.",
    );
  const extensions = endEntityExtensions({
    usage: request.usage,
    keyType: request.keyType,
    subjectKeyId: keyIdentifier(request.subjectPublicKeyInfo),
    authorityKeyId: issuer.keyId,
    altNames: request.altNames,
    subjectIsEmpty,
    custom: request.custom,
  });
  const { notBefore, notAfter } = validityWindow(request.validityDays, issuer.notAfter);
  const serialNumber = randomSerialNumber();
  const der = await signCertificate(
    {
      serialNumber,
      issuer: issuer.name,
      subject: request.subject,
      notBefore,
      notAfter,
      subjectPublicKeyInfo: request.subjectPublicKeyInfo,
      extensions,
    },
    issuer.signer,
  );
  return { certificatePem: encodePem(der, "CERTIFICATE"), serialNumber, notAfter };
}
