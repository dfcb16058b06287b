import { explicit, integerFromHex, sequence, smallInteger, time, type Der } from "./der-writer.js";
import { signStructure, type Signer } from "./signer.js";

export interface CertificateFields {
  /** Positive, lowercase hex. */
  serialNumber: string;
  /** DER Names, written byte for byte. */
  issuer: Der;
  subject: Der;
  notBefore: Date;
  notAfter: Date;
  /** DER SubjectPublicKeyInfo, written byte for byte. */
  subjectPublicKeyInfo: Der;
  /** Each a DER Extension. */
  extensions: Der[];
}

/** An X.509 v3 certificate (RFC 5280 4.1) signed by `signer`, as DER. */
export function signCertificate(fields: CertificateFields, signer: Signer): Promise<Der> {
  const tbsCertificate = sequence(
    explicit(0, smallInteger(2)), // version v3
    integerFromHex(fields.serialNumber),
    signer.algorithmIdentifier,
    fields.issuer,
    sequence(time(fields.notBefore), time(fields.notAfter)),
    fields.subject,
    fields.subjectPublicKeyInfo,
    explicit(3, sequence(...fields.extensions)),
  );
  return signStructure(tbsCertificate, signer);
}
