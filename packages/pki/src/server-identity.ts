import type { CertificateAuthority } from "./certificate-authority.js";

/** Exactly the strings node:tls takes as `key`, `cert` and `ca`. */
export interface TlsIdentity {
  key: string;
  cert: string;
  /** The CA that signed `cert`; also the one to trust for client certificates. */
  ca: string;
}

/**
 * A server certificate from the tenant's CA, ready for `tls.createServer({ ...identity,
 * requestCert: true })`. Devices pin the CA, so the chain is the CA alone.
 */
export async function issueServerIdentity(
  ca: CertificateAuthority,
  options: { hostNames: string[]; validityDays: number },
): Promise<TlsIdentity & { serialNumber: string; notAfter: Date }> {
  const issued = await ca.issueServerCertificate(options);
  return {
    key: issued.privateKeyPem,
    cert: issued.certificatePem,
    ca: ca.certificatePem,
    serialNumber: issued.serialNumber,
    notAfter: issued.notAfter,
  };
}
