import { X509Certificate, createHash } from "node:crypto";
import type { FastifyRequest } from "fastify";
import { MeridianError } from "@meridian/core";
import { normalizeSerialNumber } from "@meridian/pki";
import { tlsSocketOf } from "../tls-socket.js";
import type { TenantPki } from "../tenant-pki.js";

/** Checks an Mdm-Signature header against the body; returns the signer's certificate (DER). */
export type MdmSignatureVerifier = (header: string, body: Uint8Array) => Uint8Array;

const MAX_CACHED = 50_000;

/** A refusal Apple devices can live with: 400 or 403, never 401, which may make a device unenrol. */
const refuse = (status: "invalid" | "forbidden", code: string, message: string) =>
  new MeridianError(status, code, message);

/**
 * Who sent an MDM request: the identity certificate that signed it (Mdm-Signature, what the
 * enrollment profile asks for) or, failing that, the TLS client certificate. Either must be issued by
 * the tenant's CA and still valid; the certificate's serial then names the device (revocation and the
 * device's state are the domain's to check).
 */
export class AppleDeviceIdentities {
  /** Certificates already checked against their tenant's CA, by SHA-256 of tenant and DER. */
  private readonly checked = new Map<string, { serial: string; notAfter: number }>();

  constructor(
    private readonly pki: TenantPki,
    private readonly verifySignature: MdmSignatureVerifier,
    private readonly now: () => number = Date.now,
  ) {}

  async serialOf(tenantId: string, request: FastifyRequest, body: Uint8Array): Promise<string> {
    const header = request.headers["mdm-signature"];
    if (typeof header === "string" && header.length > 0) {
      let der: Uint8Array;
      try {
        der = this.verifySignature(header, body);
      } catch (error) {
        throw refuse(
          "invalid",
          "bad_signature",
          `The Mdm-Signature header does not verify against the body: ${(error as Error).message}`,
        );
      }
      return this.check(tenantId, der);
    }
    const socket = tlsSocketOf(request);
    const peer = socket.getPeerCertificate?.();
    if (peer && peer.raw) return this.check(tenantId, peer.raw);
    throw refuse(
      "forbidden",
      "identity_required",
      "Sign the request with the enrollment's identity (Mdm-Signature) or present it as the TLS client certificate.",
    );
  }

  private async check(tenantId: string, der: Uint8Array): Promise<string> {
    const key = createHash("sha256").update(tenantId).update(der).digest("base64");
    const cached = this.checked.get(key);
    const now = this.now();
    if (cached && cached.notAfter > now) return cached.serial;
    let certificate: X509Certificate;
    try {
      certificate = new X509Certificate(der);
    } catch {
      throw refuse("invalid", "bad_certificate", "The signer's certificate cannot be read.");
    }
    const ca = new X509Certificate((await this.pki.authority(tenantId)).certificatePem);
    if (!certificate.checkIssued(ca) || !certificate.verify(ca.publicKey))
      throw refuse(
        "forbidden",
        "untrusted_identity",
        "This identity was not issued by this organisation's CA.",
      );
    const notAfter = Date.parse(certificate.validTo);
    if (Date.parse(certificate.validFrom) > now || notAfter <= now)
      throw refuse(
        "forbidden",
        "identity_expired",
        "This identity certificate is not valid now; renew it by SCEP.",
      );
    const serial = normalizeSerialNumber(certificate.serialNumber);
    if (this.checked.size >= MAX_CACHED) this.checked.delete(this.checked.keys().next().value!);
    this.checked.set(key, { serial, notAfter });
    return serial;
  }
}
