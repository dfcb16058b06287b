import { createHash } from "node:crypto";
import { expectTag, readChildren, readElement, whole } from "./der-reader.js";
import { PkiError } from "./errors.js";
import { decodePem, UNTRUSTED_PARSE_OPTIONS } from "./pem.js";
import { normalizeSerialNumber } from "./serial-number.js";
import type { X509Certificate } from "./x509.js";
import { loadX509 } from "./x509-loader.js";

export interface CertificateSummary {
  /** The subject's first common name, if it has one. */
  commonName: string | undefined;
  /** RFC 4514 form, e.g. "CN=device-42, O=Acme". */
  subject: string;
  issuer: string;
  /** Lowercase hex, as stored in the revocation table. */
  serialNumber: string;
  notBefore: Date;
  notAfter: Date;
  /** SHA-256 of the DER, lowercase hex without colons. */
  fingerprint: string;
}

/** A parsed certificate, its exact DER (what fingerprints cover) and its subject and key as DER. */
export interface ReadCertificate {
  certificate: X509Certificate;
  der: Uint8Array;
  subject: Uint8Array;
  subjectPublicKeyInfo: Uint8Array;
}

export async function readCertificate(pem: unknown, what = "certificate"): Promise<ReadCertificate> {
  const der = decodePem(pem, ["CERTIFICATE"], what);
  const { X509Certificate } = await loadX509();
  try {
    const certificate = new X509Certificate(der, UNTRUSTED_PARSE_OPTIONS);
    // The library parses lazily; touching the fields used later makes malformed parts fail here.
    void [certificate.subjectName, certificate.issuerName, certificate.serialNumber, certificate.publicKey];
    void [
      certificate.notBefore,
      certificate.notAfter,
      certificate.extensions,
      certificate.signatureAlgorithm,
    ];
    return { certificate, der, ...subjectAndKey(der) };
  } catch (cause) {
    throw new PkiError("invalid_certificate", `The ${what} is not a well-formed X.509 certificate.`, {
      cause,
    });
  }
}

/** TBSCertificate ::= SEQUENCE { [0] version, serial, signature, issuer, validity, subject, spki, ... } */
function subjectAndKey(der: Uint8Array) {
  const [tbs] = readChildren(der, expectTag(readElement(der, 0), 0x30, "certificate"));
  const fields = readChildren(der, expectTag(tbs, 0x30, "tbsCertificate"));
  const [, , , , , subject, spki] = fields[0]?.tag === 0xa0 ? fields : [undefined, ...fields];
  return {
    subject: whole(der, expectTag(subject, 0x30, "subject")),
    subjectPublicKeyInfo: whole(der, expectTag(spki, 0x30, "subjectPublicKeyInfo")),
  };
}

export function sha256Hex(der: Uint8Array): string {
  return createHash("sha256").update(der).digest("hex");
}

/** SHA-256 of a certificate's DER, checked to have a certificate's outer shape. */
export function certificateFingerprint(pem: string): string {
  const der = decodePem(pem, ["CERTIFICATE"], "certificate");
  try {
    subjectAndKey(der);
  } catch (cause) {
    throw new PkiError("invalid_certificate", "The certificate is not a well-formed X.509 certificate.", {
      cause,
    });
  }
  return sha256Hex(der);
}

export async function parseCertificate(pem: string): Promise<CertificateSummary> {
  const { certificate, der } = await readCertificate(pem);
  return {
    commonName: certificate.subjectName.getField("CN")[0],
    subject: certificate.subject,
    issuer: certificate.issuer,
    serialNumber: normalizeSerialNumber(certificate.serialNumber),
    notBefore: certificate.notBefore,
    notAfter: certificate.notAfter,
    fingerprint: sha256Hex(der),
  };
}

/**
 * True when `caCertPem` signed `certPem` and both are valid at `at`. It checks one link only: no
 * path building, name constraints or revocation, which belong to the TLS stack and the CRL.
 */
export async function verifyIssuedBy(certPem: string, caCertPem: string, at = new Date()): Promise<boolean> {
  const { certificate } = await readCertificate(certPem);
  const { certificate: ca } = await readCertificate(caCertPem, "CA certificate");
  const sameName = Buffer.from(certificate.issuerName.toArrayBuffer()).equals(
    Buffer.from(ca.subjectName.toArrayBuffer()),
  );
  if (!sameName || !withinValidity(ca, at)) return false;
  // verify() would also check the validity window, but excluding its bounds; ours includes them.
  const signed = await certificate
    .verify({ publicKey: ca.publicKey, signatureOnly: true })
    .catch(() => false);
  return signed && withinValidity(certificate, at);
}

function withinValidity(certificate: X509Certificate, at: Date): boolean {
  const time = at.getTime();
  return certificate.notBefore.getTime() <= time && time <= certificate.notAfter.getTime();
}
