import { X509Certificate } from "node:crypto";
import { buildEnrollmentProfile } from "@meridian/apple-mdm";
import { createCertificateAuthority, signAttachedCms } from "@meridian/pki";
import { beforeAll, describe, expect, it } from "vitest";
import { readEnrollmentProfile } from "./enrollment-profile.js";

type Ca = Awaited<ReturnType<typeof createCertificateAuthority>>;
let tenant: Ca;
let other: Ca;
const fingerprint = (ca: Ca) => new X509Certificate(ca.certificatePem).fingerprint256;

const profileFor = (ca: Ca) =>
  buildEnrollmentProfile({
    organization: "Acme",
    identifierStem: "com.meridian.acme",
    caCertificate: new X509Certificate(ca.certificatePem).raw,
    scep: {
      url: "https://acme.mdm.test/mdm/scep",
      challenge: "one-time",
      subject: [
        ["O", "Acme"],
        ["CN", "Meridian device"],
      ],
    },
    mdm: {
      serverUrl: "https://acme.mdm.test/mdm/connect",
      checkInUrl: "https://acme.mdm.test/mdm/checkin",
      topic: "com.apple.mgmt.External.1",
    },
  });

beforeAll(async () => {
  tenant = await createCertificateAuthority({ commonName: "Acme Devices CA", validityDays: 1 });
  other = await createCertificateAuthority({ commonName: "Someone else", validityDays: 1 });
});

describe("readEnrollmentProfile, as a device installing the profile the server built", () => {
  it("reads the CA, SCEP and MDM payloads of a profile signed by the pinned CA", async () => {
    const signed = await signAttachedCms(profileFor(tenant), tenant);
    const profile = readEnrollmentProfile(signed, fingerprint(tenant));
    expect(profile).toMatchObject({
      identifier: "com.meridian.acme",
      scep: {
        url: "https://acme.mdm.test/mdm/scep",
        challenge: "one-time",
        subject: "O=Acme, CN=Meridian device",
        keySize: 2048,
      },
      mdm: {
        serverUrl: "https://acme.mdm.test/mdm/connect",
        checkInUrl: "https://acme.mdm.test/mdm/checkin",
        topic: "com.apple.mgmt.External.1",
        signMessage: true,
      },
    });
    expect(new X509Certificate(profile.caCertificatePem).fingerprint256).toBe(fingerprint(tenant));
  });

  it("refuses a profile signed by another CA, or installing a CA other than the pinned one", async () => {
    const byOther = await signAttachedCms(profileFor(tenant), other);
    expect(() => readEnrollmentProfile(byOther, fingerprint(tenant))).toThrow(
      /not signed by the organisation's CA/,
    );
    const foreign = await signAttachedCms(profileFor(other), other);
    expect(() => readEnrollmentProfile(foreign, fingerprint(tenant))).toThrow(
      /CA other than the one the relay named/,
    );
  });

  it("refuses an unsigned profile", () => {
    expect(() => readEnrollmentProfile(profileFor(tenant), fingerprint(tenant))).toThrow();
  });
});
