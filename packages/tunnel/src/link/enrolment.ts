/**
 * First contact: a server that has no client certificate yet proves its registration (the server ID
 * and authentication key the relay operator issued) and sends a certificate signing request; the relay
 * answers with the certificate the server will present on its links. Verifying the key and issuing the
 * certificate are the relay application's (through @meridian/pki); this is only the exchange: one
 * HTTP/2 request, normal roles, on a connection that offered the enrolment ALPN and never becomes a link.
 */
export interface EnrolmentRequest {
  serverId: string;
  authenticationKey: string;
  /** PEM PKCS #10; the key pair stays on the server. */
  certificateSigningRequest: string;
}

export type EnrolmentDecision = { certificate: string } | { refused: string };

export type EnrolmentHandler = (
  request: EnrolmentRequest,
  peer: { remoteAddress: string },
) => EnrolmentDecision | Promise<EnrolmentDecision>;

export type EnrolmentOutcome = "issued" | "refused" | "invalid" | "failed";

export interface EnrolmentReport {
  remoteAddress: string;
  serverId: string | undefined;
  outcome: EnrolmentOutcome;
  message: string | undefined;
}

export const ENROLMENT_LIMITS = {
  serverId: 256,
  authenticationKey: 1024,
  certificateSigningRequest: 32 * 1024,
};
