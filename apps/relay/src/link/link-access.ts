import type { CertificateAuthority } from "@meridian/pki";
import { normalizeSerialNumber } from "@meridian/pki";
import type { EnrolmentHandler, LinkAuthorization, LinkPeer } from "@meridian/tunnel";
import type { ServerRegistry } from "../registry/server-registry.js";

const LINK_CERTIFICATE_DAYS = 365;

/**
 * Who may hold a link: a server presenting the latest link certificate the relay issued it, while its
 * registration stands. Certificates are issued at enrolment, for the server ID and authentication key
 * the operator gave out.
 */
export function linkAccess(registry: ServerRegistry, ca: CertificateAuthority) {
  const authorize = async (peer: LinkPeer): Promise<LinkAuthorization> => {
    const serverId = /CN=([^\n,]+)/.exec(peer.certificate.subject)?.[1];
    const server = serverId ? await registry.get(serverId) : undefined;
    if (!server) return { refused: "This relay does not know the server named in the certificate." };
    if (server.revokedAt !== null)
      return { refused: "This server's registration was revoked by the relay operator." };
    if (server.clientCertSerial !== normalizeSerialNumber(peer.certificate.serialNumber)) {
      return { refused: "This link certificate was replaced by a newer one; enrol again." };
    }
    return { serverId: server.id };
  };

  const enrol: EnrolmentHandler = async (request) => {
    const server = await registry.authenticate(request.serverId, request.authenticationKey);
    if (!server)
      return { refused: "The server ID or authentication key is wrong, or the registration was revoked." };
    const issued = await ca.issueFromCsr(request.certificateSigningRequest, {
      usage: "client",
      validityDays: LINK_CERTIFICATE_DAYS,
      subject: { commonName: server.id, organization: server.name },
    });
    await registry.setClientCertificate(server.id, issued.serialNumber);
    return { certificate: issued.certificatePem };
  };

  return { authorize, enrol };
}
