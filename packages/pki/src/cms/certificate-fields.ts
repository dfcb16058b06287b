import { expectTag, MalformedDer, readChildren, readElement, type DerElement } from "../der-reader.js";

/**
 * The TBSCertificate fields CMS needs, located with the strict DER reader: issuer and serialNumber
 * name a signer, the key checks it, the extensions hold its subject key identifier. Throws
 * MalformedDer for anything that is not one whole DER certificate.
 */
export function certificateFields(der: Uint8Array) {
  const certificate = expectTag(readElement(der, 0), 0x30, "certificate");
  if (certificate.end !== der.length) throw new MalformedDer("bytes after the certificate");
  const [tbs] = readChildren(der, certificate);
  const fields = readChildren(der, expectTag(tbs, 0x30, "tbsCertificate"));
  // version is [0] EXPLICIT and absent from v1 certificates.
  const [serialNumber, , issuer, , , subjectPublicKeyInfo] =
    fields[0]?.tag === 0xa0 ? fields.slice(1) : fields;
  return {
    serialNumber: expectTag(serialNumber, 0x02, "serialNumber"),
    issuer: expectTag(issuer, 0x30, "issuer"),
    subjectPublicKeyInfo: expectTag(subjectPublicKeyInfo, 0x30, "subjectPublicKeyInfo"),
    extensions: fields.find((field) => field.tag === 0xa3) as DerElement | undefined,
  };
}
