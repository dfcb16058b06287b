import { X509Certificate } from "node:crypto";
import type { FastifyBaseLogger } from "fastify";
import type { Core } from "@meridian/core";
import { createScepServer, normalizeSerialNumber, type ScepServer } from "@meridian/pki";
import { KeptPromises } from "../kept-promises.js";
import type { TenantPki } from "../tenant-pki.js";

/** Requests authorised and waiting for their certificate, by SCEP transaction ID. */
type Pending = { kind: "new"; challenge: string } | { kind: "renewal"; deviceId: string };
const MAX_PENDING = 10_000;

/**
 * Each tenant's SCEP server (RFC 8894) on its CA, with the RA identity clients encrypt to. A new
 * certificate needs a challenge from a downloaded enrollment profile; a renewal needs the device's
 * current identity, still valid and not revoked.
 */
export class ScepEndpoints {
  private readonly servers = new KeptPromises<ScepServer>();

  constructor(
    private readonly core: Core,
    private readonly pki: TenantPki,
    private readonly log: FastifyBaseLogger,
  ) {}

  serverFor(tenantId: string): Promise<ScepServer> {
    return this.servers.get(tenantId, () => this.create(tenantId));
  }

  private async create(tenantId: string): Promise<ScepServer> {
    const [ca, ra] = await Promise.all([this.pki.authority(tenantId), this.pki.scepRa(tenantId)]);
    const pending = new Map<string, Pending>();
    const enrollments = this.core.appleEnrollments;
    // Renewal profiles (renew_identity) bring a device back here for a new identity before this ends.
    const validityDays = enrollments.identityLifetimeDays;
    const remember = (transactionId: string, entry: Pending) => {
      if (pending.size >= MAX_PENDING) pending.delete(pending.keys().next().value!);
      pending.set(transactionId, entry);
    };
    return createScepServer({
      ca,
      ra,
      authorize: async (request) => {
        if (request.messageType === "RenewalReq") {
          if (!request.signerCertificatePem)
            return {
              ok: false,
              failInfo: "badMessageCheck",
              reason: "A renewal must be signed by the current identity.",
            };
          const current = new X509Certificate(request.signerCertificatePem);
          try {
            const device = await enrollments.identifyForCheckin(
              tenantId,
              normalizeSerialNumber(current.serialNumber),
            );
            remember(request.transactionId, { kind: "renewal", deviceId: device.id });
            return { ok: true, validityDays, subject: identitySubject(device.id) };
          } catch (error) {
            return { ok: false, failInfo: "badRequest", reason: (error as Error).message };
          }
        }
        const deviceId =
          request.challenge && (await enrollments.deviceForChallenge(tenantId, request.challenge));
        if (!deviceId || !request.challenge)
          return {
            ok: false,
            failInfo: "badRequest",
            reason: "The challenge is unknown, used or expired: download the enrollment profile again.",
          };
        remember(request.transactionId, { kind: "new", challenge: request.challenge });
        return { ok: true, validityDays, subject: identitySubject(deviceId) };
      },
      onIssued: async (certificate, transactionId) => {
        const entry = pending.get(transactionId);
        pending.delete(transactionId);
        const issued = { serialNumber: certificate.serialNumber, notAfter: certificate.notAfter.getTime() };
        if (entry?.kind === "renewal")
          await enrollments.recordRenewedIdentity(tenantId, entry.deviceId, issued);
        else if (!entry || !(await enrollments.bindIdentity(tenantId, entry.challenge, issued)))
          // Another request took the challenge first: this certificate names no device and opens nothing.
          this.log.warn(
            { tenantId, transactionId },
            "a SCEP certificate was issued for a challenge already taken",
          );
      },
      onRefused: (refusal, transactionId) =>
        this.log.info(
          { tenantId, transactionId, failInfo: refusal.failInfo, reason: refusal.reason },
          "SCEP request refused",
        ),
    });
  }
}

const identitySubject = (deviceId: string) => ({
  commonName: deviceId,
  organizationalUnit: "Meridian Apple device",
});
