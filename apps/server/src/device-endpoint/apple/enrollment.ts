import { X509Certificate } from "node:crypto";
import {
  conflict,
  isMeridianError,
  type AppleEnrollment,
  type Core,
  type Device,
  type Tenant,
} from "@meridian/core";
import { deriveActivationScalars } from "@meridian/crypto";
import { passwordMatchesRecord } from "@meridian/pake";
import { buildEnrollmentProfile } from "@meridian/apple-mdm";
import { prepareCmsSigner, signCms, type PreparedCmsSigner } from "@meridian/pki";
import { parseVerifier } from "../../activation/activation-secrets.js";
import type { TenantPki } from "../tenant-pki.js";
import { enrollmentPage } from "./enrollment-page.js";

/**
 * The MDM push topic a tenant's devices will listen on: its own APNs certificate's UID, else the
 * server's, or nothing when none is set.
 */
export type AppleTopicSource = (tenantId: string) => Promise<string | undefined>;

export interface EnrollmentRequest {
  tenant: Tenant;
  host: string;
  address: string;
  password: string;
  platform: "ios" | "macos";
}

export type EnrollmentAnswer =
  { kind: "profile"; body: Uint8Array } | { kind: "page"; status: number; html: string };

/**
 * Enrollment profiles, signed by the server's TLS identity (whose chain the profile's root payload
 * completes), each holding a one-time SCEP challenge: the enrollment page's answer, where the
 * activation password takes one use of the user's activation, and the renewal profile a
 * renew_identity command carries to an enrolled device.
 */
export class AppleEnrollmentProfiles {
  private readonly signers = new Map<string, { signer: PreparedCmsSigner; notAfter: number }>();

  constructor(
    private readonly core: Core,
    private readonly pki: TenantPki,
    private readonly topic: AppleTopicSource,
  ) {}

  async answer(request: EnrollmentRequest): Promise<EnrollmentAnswer> {
    const organization = request.tenant.name;
    const page = (status: number, error: string): EnrollmentAnswer => ({
      kind: "page",
      status,
      html: enrollmentPage({ organization, address: request.address, platform: request.platform, error }),
    });
    const topic = await this.topic(request.tenant.id).catch(() => undefined);
    if (!topic)
      return page(
        503,
        "Apple devices cannot be enrolled yet: the organisation has not set up its Apple push certificate. Ask your administrator.",
      );
    let enrolled;
    try {
      enrolled = await this.core.appleEnrollments.enrolWithPassword(
        request.tenant.id,
        { address: request.address, platform: request.platform, password: request.password },
        (verifier, password) =>
          passwordMatchesRecord(parseVerifier(verifier), password, deriveActivationScalars),
      );
    } catch (error) {
      if (isMeridianError(error)) return page(error.kind === "locked" ? 423 : 403, error.message);
      throw error;
    }
    const body = await this.signedProfile({
      tenant: request.tenant,
      host: request.host,
      platform: request.platform,
      challenge: enrolled.challenge,
      topic,
    });
    return { kind: "profile", body };
  }

  /**
   * A renew_identity command on its way to an enrolled device: the enrollment page's profile again
   * (same identifiers, so it replaces the installed one), with a fresh one-time SCEP challenge bound
   * to this device. Each delivery makes a new challenge; only the last one made is usable.
   */
  async renewalProfile(
    tenant: Tenant,
    host: string,
    device: Device,
    enrollment: AppleEnrollment,
  ): Promise<Uint8Array> {
    // The device listens on the topic it enrolled with for life; a server without one asks the relay.
    const topic = enrollment.topic ?? (await this.topic(tenant.id).catch(() => undefined));
    if (!topic)
      throw conflict(
        "apple_push_not_configured",
        "The renewal profile needs the MDM push topic, and none is set up.",
      );
    const { challenge } = await this.core.appleEnrollments.renewalChallenge(tenant.id, device.id);
    return this.signedProfile({
      tenant,
      host,
      platform: device.platform === "macos" ? "macos" : "ios",
      challenge,
      topic,
    });
  }

  /** The one enrollment profile both the enrollment page and renewals send, signed for `host`. */
  private async signedProfile(input: {
    tenant: Tenant;
    host: string;
    platform: "ios" | "macos";
    challenge: string;
    topic: string;
  }): Promise<Uint8Array> {
    const organization = input.tenant.name;
    const ca = new X509Certificate((await this.pki.authority(input.tenant.id)).certificatePem);
    const base = `https://${input.host}`;
    const profile = buildEnrollmentProfile({
      organization,
      identifierStem: `com.meridian.mdm.${input.tenant.slug}`,
      caCertificate: ca.raw,
      scep: {
        url: `${base}/mdm/scep`,
        challenge: input.challenge,
        subject: [
          ["O", organization],
          ["CN", `Meridian ${input.platform === "ios" ? "iOS" : "macOS"} device`],
        ],
      },
      mdm: { serverUrl: `${base}/mdm/connect`, checkInUrl: `${base}/mdm/checkin`, topic: input.topic },
    });
    const signer = await this.signerFor(input.tenant.id, input.host);
    return signCms(signer, profile, "sha256", true);
  }

  private async signerFor(tenantId: string, host: string): Promise<PreparedCmsSigner> {
    const identity = await this.pki.serverIdentity(tenantId, host);
    const key = `${tenantId}\u0000${host}`;
    const cached = this.signers.get(key);
    if (cached && cached.notAfter === identity.notAfter) return cached.signer;
    const signer = prepareCmsSigner({
      certificatePem: identity.leaf,
      privateKeyPem: identity.key,
      chainPems: [identity.ca],
    });
    this.signers.set(key, { signer, notAfter: identity.notAfter });
    return signer;
  }
}
