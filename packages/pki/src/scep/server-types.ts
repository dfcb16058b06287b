import type { CertificateAuthority } from "../certificate-authority.js";
import type { IssuedCertificate } from "../issue-certificate.js";
import type { SubjectName } from "../names.js";
import type { FailInfo } from "./protocol.js";
import type { ScepRaIdentity } from "./ra-identity.js";

export interface ScepAuthorizationRequest {
  /** The CSR's challengePassword, if it has one. */
  challenge: string | undefined;
  /** The CSR's subject in RFC 4514 form. */
  subject: string;
  publicKeyType: "rsa" | "ec" | "other";
  transactionId: string;
  messageType: "PKCSReq" | "RenewalReq";
  /**
   * For a renewal: the certificate this CA issued earlier that signed the request, as PEM. It has been
   * checked to be signed by this CA and within its validity; whether it was revoked is for authorize.
   */
  signerCertificatePem?: string;
}

export type ScepAuthorization =
  | { ok: true; validityDays: number; subject?: SubjectName }
  | { ok: false; failInfo: FailInfo; reason: string };

export interface ScepServerOptions {
  ca: CertificateAuthority;
  ra: ScepRaIdentity;
  /** Decides whether a request is granted; this is where the challenge is checked. */
  authorize(request: ScepAuthorizationRequest): Promise<ScepAuthorization>;
  onIssued?(certificate: IssuedCertificate, transactionId: string): void | Promise<void>;
  /** A readable request answered with FAILURE: the reason is for logs, the device sees only failInfo. */
  onRefused?(refusal: { failInfo: FailInfo; reason: string }, transactionId: string): void;
}

/** One SCEP HTTP exchange, without HTTP: the transport maps its request and response onto these. */
export interface ScepHttpRequest {
  method: "GET" | "POST";
  /** The `operation` query parameter. */
  operation: string;
  /** GET: the `message` query parameter (base64); POST: the body. */
  message?: string | Uint8Array;
}

export interface ScepHttpResponse {
  status: number;
  contentType: string;
  body: Uint8Array | string;
}

export interface ScepServer {
  handle(request: ScepHttpRequest): Promise<ScepHttpResponse>;
}
