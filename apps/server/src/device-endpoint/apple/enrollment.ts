import { X509Certificate } from "node:crypto";
import { isMeridianError, type Core, type Tenant } from "@meridian/core";
import { deriveActivationScalars } from "@meridian/crypto";
import { passwordMatchesRecord } from "@meridian/pake";
import { buildEnrollmentProfile } from "@meridian/apple-mdm";
import { prepareCmsSigner, signCms, type PreparedCmsSigner } from "@meridian/pki";
import { parseVerifier } from "../../activation/activation-secrets.js";
import type { TenantPki } from "../tenant-pki.js";
import { enrollmentPage } from "./enrollment-page.js";

/** The MDM push topic devices will listen on: the APNs certificate's UID, or nothing when none is set. */
export type AppleTopicSource = () => Promise<string | undefined>;

export interface EnrollmentRequest {
  tenant: Tenant;
  host: string;
  address: string;
  password: string;
  platform: "ios" | "macos";
}

export type EnrollmentAnswer =
  { kind: "profile"; body: Uint8Array } | { kind: "page"; status: number; html: string };

const firstPem = (chain: string) => chain.slice(0, chain.indexOf("-----END CERTIFICATE-----") + 25) + "\n";

/**
 * The enrollment page's POST: the activation password takes one use of the user's activation and
 * the answer is a profile signed by the server's TLS identity (whose chain the profile's root payload
 * completes), holding a one-time SCEP challenge.
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
    const topic = await this.topic().catch(() => undefined);
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
    const ca = new X509Certificate((await this.pki.authority(request.tenant.id)).certificatePem);
    const base = `https://${request.host}`;
    const profile = buildEnrollmentProfile({
      organization,
      identifierStem: `com.meridian.mdm.${request.tenant.slug}`,
      caCertificate: ca.raw,
      scep: {
        url: `${base}/mdm/scep`,
        challenge: enrolled.challenge,
        subject: [
          ["O", organization],
          ["CN", `Meridian ${request.platform === "ios" ? "iOS" : "macOS"} device`],
        ],
      },
      mdm: { serverUrl: `${base}/mdm/connect`, checkInUrl: `${base}/mdm/checkin`, topic },
    });
    const signer = await this.signerFor(request.tenant.id, request.host);
    return { kind: "profile", body: await signCms(signer, profile, "sha256", true) };
  }

  private async signerFor(tenantId: string, host: string): Promise<PreparedCmsSigner> {
    const identity = await this.pki.serverIdentity(tenantId, host);
    const key = `${tenantId}\u0000${host}`;
    const cached = this.signers.get(key);
    if (cached && cached.notAfter === identity.notAfter) return cached.signer;
    const signer = prepareCmsSigner({
      certificatePem: firstPem(identity.cert),
      privateKeyPem: identity.key,
      chainPems: [identity.ca],
    });
    this.signers.set(key, { signer, notAfter: identity.notAfter });
    return signer;
  }
}
