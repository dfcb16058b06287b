import { X509Certificate } from "node:crypto";
import type { TLSSocket } from "node:tls";
import { normalizeSerialNumber } from "@meridian/pki";
import { normalizeFingerprint } from "@meridian/tunnel";

/** Who holds a push channel: the server whose CA issued the device certificate, and its serial. */
export interface DeviceIdentity {
  serverId: string;
  serial: string;
}

/** A CA certificate's SHA-256 fingerprint; throws when the certificate is not a CA. */
export function authorityFingerprint(pem: string): string {
  return fingerprintOfAuthority(new X509Certificate(pem));
}

function fingerprintOfAuthority(certificate: X509Certificate): string {
  if (!certificate.ca) throw new Error(`"${certificate.subject}" is not a CA certificate.`);
  return normalizeFingerprint(certificate.fingerprint256);
}

/**
 * The tenant CAs servers registered, by fingerprint: whose device a certificate belongs to. Held by
 * every process that accepts push channels; the relay's database is the record, kept by the hub.
 */
export class DeviceAuthorities {
  private readonly byFingerprint = new Map<
    string,
    { serverId: string; certificate: X509Certificate; pem: string }
  >();

  /** Adds a CA; throws when the certificate is not a CA. Returns its fingerprint. */
  add(serverId: string, pem: string): string {
    const certificate = new X509Certificate(pem);
    const fingerprint = fingerprintOfAuthority(certificate);
    this.byFingerprint.set(fingerprint, { serverId, certificate, pem });
    return fingerprint;
  }

  ownerOf(fingerprint: string): string | undefined {
    return this.byFingerprint.get(fingerprint)?.serverId;
  }

  list(): Array<{ serverId: string; pem: string }> {
    return [...this.byFingerprint.values()].map(({ serverId, pem }) => ({ serverId, pem }));
  }

  /** The device's server and serial, or why it is refused. */
  identify(socket: TLSSocket): DeviceIdentity | string {
    const peer = socket.getPeerCertificate(true);
    if (!peer?.raw) return "no device certificate";
    const leaf = new X509Certificate(peer.raw);
    const issuer = peer.issuerCertificate?.raw ? new X509Certificate(peer.issuerCertificate.raw) : undefined;
    const authority = issuer
      ? this.byFingerprint.get(normalizeFingerprint(issuer.fingerprint256))
      : undefined;
    if (!authority) return "certificate not issued by a CA registered at this relay";
    if (!leaf.checkIssued(authority.certificate) || !leaf.verify(authority.certificate.publicKey))
      return "certificate not signed by its CA";
    const now = Date.now();
    if (now < Date.parse(leaf.validFrom) || now > Date.parse(leaf.validTo))
      return "certificate not valid now";
    return { serverId: authority.serverId, serial: normalizeSerialNumber(leaf.serialNumber) };
  }
}
