import { generateKeyPair } from "node:crypto";
import { promisify } from "node:util";
import type { CertificateAuthority } from "../certificate-authority.js";

const generateRsa = promisify(generateKeyPair);

/** The SCEP registration authority: an RSA key and its certificate from the tenant CA. */
export interface ScepRaIdentity {
  certificatePem: string;
  privateKeyPem: string;
}

/**
 * SCEP clients encrypt their requests with RSA key transport, which the tenant CA's P-256 key cannot
 * decrypt; an RSA-2048 RA certificate, issued by that CA, receives and answers them instead.
 */
export async function createScepRaIdentity(
  ca: CertificateAuthority,
  options: { commonName?: string; validityDays?: number } = {},
): Promise<ScepRaIdentity> {
  const { privateKey, publicKey } = await generateRsa("rsa", { modulusLength: 2048 });
  const issued = await ca.issueForKey(publicKey.export({ type: "spki", format: "pem" }).toString(), {
    subject: { commonName: options.commonName ?? "Meridian SCEP RA" },
    validityDays: options.validityDays ?? 365,
    usage: "scep-ra",
  });
  return {
    certificatePem: issued.certificatePem,
    privateKeyPem: privateKey.export({ type: "pkcs8", format: "pem" }).toString(),
  };
}
