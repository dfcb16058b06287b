/** Object identifiers and codes from RFC 8894 (SCEP) and the CMS pieces it is built from. */
export const OID = {
  data: "1.2.840.113549.1.7.1",
  signedData: "1.2.840.113549.1.7.2",
  envelopedData: "1.2.840.113549.1.7.3",
  contentType: "1.2.840.113549.1.9.3",
  messageDigest: "1.2.840.113549.1.9.4",
  challengePassword: "1.2.840.113549.1.9.7",
  rsaEncryption: "1.2.840.113549.1.1.1",
  sha256WithRsa: "1.2.840.113549.1.1.11",
  sha256: "2.16.840.1.101.3.4.2.1",
  // SCEP's own attributes, registered under VeriSign's arc.
  messageType: "2.16.840.1.113733.1.9.2",
  pkiStatus: "2.16.840.1.113733.1.9.3",
  failInfo: "2.16.840.1.113733.1.9.4",
  senderNonce: "2.16.840.1.113733.1.9.5",
  recipientNonce: "2.16.840.1.113733.1.9.6",
  transactionId: "2.16.840.1.113733.1.9.7",
} as const;

/** messageType values (RFC 8894 3.2.1.2); they travel as decimal text in a PrintableString. */
export const MESSAGE_TYPE = { certRep: 3, renewalReq: 17, pkcsReq: 19 } as const;

export const PKI_STATUS = { success: 0, failure: 2, pending: 3 } as const;

/** failInfo reasons (RFC 8894 3.2.1.4), also sent as decimal text. */
export const FAIL_INFO = { badAlg: 0, badMessageCheck: 1, badRequest: 2, badTime: 3, badCertId: 4 } as const;

export type FailInfo = keyof typeof FAIL_INFO;

export function failInfoName(code: number): FailInfo | undefined {
  return (Object.keys(FAIL_INFO) as FailInfo[]).find((name) => FAIL_INFO[name] === code);
}

/**
 * The largest PKIOperation message accepted. A request carries a CSR and a self-signed certificate
 * for an RSA key, about 3 KiB; 64 KiB bounds parsing work with room to spare.
 */
export const MAX_MESSAGE_BYTES = 64 * 1024;
