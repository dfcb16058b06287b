import * as asn1js from "asn1js";
import type * as Pkijs from "pkijs";
import { bytes, parseWith, unreadable } from "./asn1.js";
import { pkijsWithEngine } from "./pkijs-engine.js";
import { OID } from "./protocol.js";

/**
 * A "degenerate" PKCS#7: a SignedData with certificates and no signers, the usual way to hand over
 * certificates (GetCACert's RA and CA, and the issued certificate inside a CertRep).
 */
export function certificatesOnly(certificatesDer: readonly Uint8Array[]): Uint8Array {
  const pkijs = pkijsWithEngine();
  const signedData = new pkijs.SignedData({
    version: 1,
    encapContentInfo: new pkijs.EncapsulatedContentInfo({ eContentType: OID.data }),
    certificates: certificatesDer.map((der) => pkijs.Certificate.fromBER(bytes(der))),
    signerInfos: [],
  });
  const info = new pkijs.ContentInfo({ contentType: OID.signedData, content: signedData.toSchema() });
  return bytes(info.toSchema().toBER());
}

/** The certificates of a degenerate PKCS#7, as DER, in the order they were sent. */
export function readCertificatesOnly(der: Uint8Array, what: string): Uint8Array[] {
  const pkijs = pkijsWithEngine();
  const info = parseWith(pkijs.ContentInfo, der, what);
  if (info.contentType !== OID.signedData) throw unreadable(`The ${what} is not a PKCS#7 SignedData.`);
  let signedData: Pkijs.SignedData;
  try {
    signedData = new pkijs.SignedData({ schema: info.content as asn1js.AsnType });
  } catch (cause) {
    throw unreadable(`The ${what} is not a well-formed PKCS#7 SignedData.`, cause);
  }
  return (signedData.certificates ?? [])
    .filter((item): item is Pkijs.Certificate => item instanceof pkijs.Certificate)
    .map((certificate) => bytes(certificate.toSchema().toBER()));
}
