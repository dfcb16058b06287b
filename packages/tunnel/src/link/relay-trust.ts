import { X509Certificate } from "node:crypto";
import {
  checkServerIdentity,
  type ConnectionOptions,
  type DetailedPeerCertificate,
  type TLSSocket,
} from "node:tls";

/**
 * How a server recognises its relay: by the relay CA's certificate (PEM), or by that CA's SHA-256
 * fingerprint when the relay sends the CA in its chain (as colon-separated or plain hex). Either way the
 * relay's certificate must chain to it and name the host the server dialled.
 */
export type RelayTrust = { ca: string | Buffer | Array<string | Buffer> } | { caFingerprint256: string };

const SERVER_AUTH = "1.3.6.1.5.5.7.3.1";

export function trustConnectionOptions(trust: RelayTrust): ConnectionOptions {
  if ("ca" in trust) return { ca: trust.ca, rejectUnauthorized: true };
  // OpenSSL has no anchor to check against; verifyPinnedChain does the whole check after the handshake.
  return { rejectUnauthorized: false };
}

export const normalizeFingerprint = (fingerprint: string) => fingerprint.replace(/[:\s]/g, "").toLowerCase();

/**
 * For fingerprint trust: walks the chain the relay sent from its certificate up to the pinned CA,
 * checking each signature, validity period and CA flag, then the host name. Returns what is wrong, or
 * undefined when the relay is the one pinned.
 */
export function verifyPinnedChain(
  socket: TLSSocket,
  fingerprint256: string,
  hostName: string,
): string | undefined {
  const pin = normalizeFingerprint(fingerprint256);
  const detail = socket.getPeerCertificate(true);
  if (!detail.raw) return "the relay presented no certificate";
  const chain: X509Certificate[] = [];
  const seen = new Set<string>();
  for (let c: DetailedPeerCertificate | undefined = detail; c?.raw && !seen.has(c.fingerprint256);) {
    seen.add(c.fingerprint256);
    chain.push(new X509Certificate(c.raw));
    c = c.issuerCertificate;
  }
  const anchor = chain.findIndex((c) => normalizeFingerprint(c.fingerprint256) === pin);
  if (anchor === -1)
    return `the relay's certificate chain does not contain the pinned CA (SHA-256 ${fingerprint256})`;

  const now = Date.now();
  for (let i = 0; i <= anchor; i++) {
    const cert = chain[i]!;
    if (now < Date.parse(cert.validFrom) || now > Date.parse(cert.validTo))
      return `the certificate "${cert.subject}" in the relay's chain is not valid now`;
    if (i > 0 && !cert.ca) return `"${cert.subject}" in the relay's chain is not a CA`;
    if (i < anchor) {
      const issuer = chain[i + 1]!;
      if (!cert.checkIssued(issuer) || !cert.verify(issuer.publicKey))
        return `"${cert.subject}" in the relay's chain is not signed by "${issuer.subject}"`;
    }
  }
  const leaf = chain[0]!;
  if (leaf.keyUsage && leaf.keyUsage.length > 0 && !leaf.keyUsage.includes(SERVER_AUTH))
    return "the relay's certificate is not for TLS servers";
  const identityError = checkServerIdentity(hostName, detail);
  return identityError ? identityError.message : undefined;
}
