import { randomUUID } from "node:crypto";
import * as plist from "plist";

/** Every access right (inspect, install and remove profiles, lock, erase, query, apps, settings...). */
export const ALL_ACCESS_RIGHTS = 8191;

export interface EnrollmentProfileInput {
  /** Shown on the device as the profile's name and organisation. */
  organization: string;
  /** Reverse-DNS stem of every payload identifier, unique to the tenant: `<stem>.mdm`, `<stem>.scep`... */
  identifierStem: string;
  /** DER of the tenant CA: installed as a trusted root so the device trusts the server's TLS. */
  caCertificate: Uint8Array;
  scep: {
    url: string;
    /** One-time; the server binds the certificate it issues to the enrollment through it. */
    challenge: string;
    /** The identity certificate's subject, as Apple's array of RDNs. */
    subject: Array<[string, string]>;
  };
  mdm: {
    serverUrl: string;
    checkInUrl: string;
    /** The MDM push certificate's topic (its UID): fixed for the life of the enrollment. */
    topic: string;
  };
}

const uuid = () => randomUUID().toUpperCase();

/**
 * The unsigned `.mobileconfig` that enrols an iPhone, iPad or Mac: the tenant CA as a trusted root,
 * a SCEP payload that makes the device's RSA identity, and the MDM payload that names that identity
 * and the server. Every check-in is signed (SignMessage), so the identity travels with each request
 * even though the relay passes TLS through untouched.
 */
export function buildEnrollmentProfile(input: EnrollmentProfileInput): Buffer {
  const scepUuid = uuid();
  const stem = input.identifierStem;
  const payloadHeader = (type: string, identifier: string, name: string, payloadUuid = uuid()) => ({
    PayloadType: type,
    PayloadIdentifier: `${stem}.${identifier}`,
    PayloadUUID: payloadUuid,
    PayloadVersion: 1,
    PayloadDisplayName: name,
  });
  const profile = {
    PayloadType: "Configuration",
    PayloadIdentifier: stem,
    PayloadUUID: uuid(),
    PayloadVersion: 1,
    PayloadDisplayName: `${input.organization} device management`,
    PayloadDescription: `Lets ${input.organization} manage this device with Meridian.`,
    PayloadOrganization: input.organization,
    PayloadRemovalDisallowed: false,
    PayloadContent: [
      {
        ...payloadHeader("com.apple.security.root", "ca", `${input.organization} certificate authority`),
        PayloadContent: Buffer.from(input.caCertificate),
      },
      {
        ...payloadHeader("com.apple.security.scep", "scep", "Device identity", scepUuid),
        PayloadContent: {
          URL: input.scep.url,
          Challenge: input.scep.challenge,
          Keysize: 2048,
          "Key Type": "RSA",
          // Signing and key encipherment: what an MDM identity is used for.
          "Key Usage": 5,
          Subject: input.scep.subject.map(([type, value]) => [[type, value]]),
          Retries: 3,
          RetryDelay: 10,
        },
      },
      {
        ...payloadHeader("com.apple.mdm", "mdm", "Device management"),
        IdentityCertificateUUID: scepUuid,
        Topic: input.mdm.topic,
        ServerURL: input.mdm.serverUrl,
        CheckInURL: input.mdm.checkInUrl,
        SignMessage: true,
        CheckOutWhenRemoved: true,
        AccessRights: ALL_ACCESS_RIGHTS,
        // No per-user-connections: user channels are not served, so Macs must not open them.
        ServerCapabilities: ["com.apple.mdm.bootstraptoken"],
      },
    ],
  };
  return Buffer.from(plist.build(profile as unknown as plist.PlistValue), "utf8");
}
