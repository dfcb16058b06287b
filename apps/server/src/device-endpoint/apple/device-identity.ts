import { X509Certificate, createHash, type KeyObject } from "node:crypto";
import type { FastifyRequest } from "fastify";
import { MeridianError } from "@meridian/core";
import { decodedCertificate, normalizeSerialNumber } from "@meridian/pki";
import { tlsSocketOf } from "../tls-socket.js";
import type { TenantPki } from "../tenant-pki.js";

/** Checks an Mdm-Signature header against the body; returns the signer's certificate and its SHA-256. */
export type MdmSignatureVerifier = (
  header: string,
  body: Uint8Array,
) => { der: Uint8Array; fingerprint: string };

const MAX_CACHED = 100_000;

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
  /** Certificates already checked against their tenant's CA, by tenant and the certificate's SHA-256. */
  private readonly checked = new Map<string, { serial: string; notAfter: number }>();
  /** Each tenant's CA certificate decoded, by its PEM (a renewed CA has another). */
  private readonly authorities = new Map<
    string,
    { pem: string; certificate: X509Certificate; key: KeyObject }
  >();

  constructor(
    private readonly pki: TenantPki,
    private readonly verifySignature: MdmSignatureVerifier,
    private readonly now: () => number = Date.now,
  ) {}

  async serialOf(tenantId: string, request: FastifyRequest, body: Uint8Array): Promise<string> {
    const header = request.headers["mdm-signature"];
    if (typeof header === "string" && header.length > 0) {
      let signer: { der: Uint8Array; fingerprint: string };
      try {
        signer = this.verifySignature(header, body);
      } catch (error) {
        throw refuse(
          "invalid",
          "bad_signature",
          `The Mdm-Signature header does not verify against the body: ${(error as Error).message}`,
        );
      }
      return this.check(tenantId, signer.der, signer.fingerprint);
    }
    const socket = tlsSocketOf(request);
    const peer = socket.getPeerCertificate?.();
    if (peer && peer.raw)
      return this.check(tenantId, peer.raw, createHash("sha256").update(peer.raw).digest("hex"));
    throw refuse(
      "forbidden",
      "identity_required",
      "Sign the request with the enrollment's identity (Mdm-Signature) or present it as the TLS client certificate.",
    );
  }

  private async check(tenantId: string, der: Uint8Array, fingerprint: string): Promise<string> {
    const key = `${tenantId} ${fingerprint}`;
    const cached = this.checked.get(key);
    const now = this.now();
    if (cached && cached.notAfter > now) return cached.serial;
    let certificate: X509Certificate;
    try {
      certificate = decodedCertificate(der, fingerprint);
    } catch {
      throw refuse("invalid", "bad_certificate", "The signer's certificate cannot be read.");
    }
    const ca = await this.authorityOf(tenantId);
    if (!certificate.checkIssued(ca.certificate) || !certificate.verify(ca.key))
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

  private async authorityOf(tenantId: string) {
    const pem = (await this.pki.authority(tenantId)).certificatePem;
    let ca = this.authorities.get(tenantId);
    if (ca?.pem !== pem) {
      const certificate = new X509Certificate(pem);
      ca = { pem, certificate, key: certificate.publicKey };
      this.authorities.set(tenantId, ca);
    }
    return ca;
  }
}
