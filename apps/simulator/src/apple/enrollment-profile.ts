import { X509Certificate } from "node:crypto";
import { decodePlistDict, isPlistDict, type PlistDict } from "@meridian/apple-mdm";
import { readAttachedCmsContent } from "@meridian/pki";
import { bytes, dicts, optionalText, text } from "./plist-reads.js";

/** What a device takes from the enrollment profile it installs. */
export interface InstalledEnrollmentProfile {
  /** The top-level PayloadIdentifier, PayloadUUID and PayloadDisplayName, for ProfileList. */
  identifier: string;
  uuid: string;
  displayName: string;
  /** The com.apple.security.root payload: trusted for TLS from now on. */
  caCertificatePem: string;
  scep: { url: string; challenge: string | undefined; subject: string; keySize: number };
  mdm: { serverUrl: string; checkInUrl: string; topic: string; signMessage: boolean };
}

const normalise = (fingerprint: string) => fingerprint.replace(/:/g, "").toLowerCase();

/**
 * Reads a signed enrollment profile as a device installs one: the CMS signature must verify over the
 * profile it carries, and its signer must be the CA the relay named (or issued by it), so a profile
 * from anyone else is refused before its CA is trusted.
 */
export function readEnrollmentProfile(
  signed: Uint8Array,
  pinnedCaFingerprint: string,
): InstalledEnrollmentProfile {
  const { content, certificate } = readAttachedCmsContent(signed);
  const decoded = decodePlistDict(content);
  if (!decoded.ok) throw new Error(`The enrollment profile is not a plist: ${decoded.error.message}`);
  const profile = decoded.value;
  const payloads = dicts(profile.PayloadContent);
  const ofType = (type: string) => {
    const payload = payloads.find((p) => p.PayloadType === type);
    if (!payload) throw new Error(`The enrollment profile has no ${type} payload.`);
    return payload;
  };
  const ca = new X509Certificate(
    bytes(ofType("com.apple.security.root"), "PayloadContent", "The root payload"),
  );
  if (normalise(ca.fingerprint256) !== normalise(pinnedCaFingerprint))
    throw new Error("The enrollment profile installs a CA other than the one the relay named.");
  const signer = new X509Certificate(certificate.der);
  const signedByCa =
    normalise(signer.fingerprint256) === normalise(ca.fingerprint256) ||
    (signer.checkIssued(ca) && signer.verify(ca.publicKey));
  if (!signedByCa) throw new Error("The enrollment profile is not signed by the organisation's CA.");

  const scep = ofType("com.apple.security.scep").PayloadContent;
  if (!isPlistDict(scep)) throw new Error("The SCEP payload has no PayloadContent dictionary.");
  const mdm = ofType("com.apple.mdm");
  const serverUrl = text(mdm, "ServerURL", "The MDM payload");
  return {
    identifier: text(profile, "PayloadIdentifier", "The profile"),
    uuid: text(profile, "PayloadUUID", "The profile"),
    displayName: optionalText(profile, "PayloadDisplayName") ?? "Device management",
    caCertificatePem: ca.toString(),
    scep: {
      url: text(scep, "URL", "The SCEP payload"),
      challenge: optionalText(scep, "Challenge"),
      subject: subjectText(scep),
      keySize: typeof scep.Keysize === "number" ? scep.Keysize : 2048,
    },
    mdm: {
      serverUrl,
      checkInUrl: optionalText(mdm, "CheckInURL") ?? serverUrl,
      topic: text(mdm, "Topic", "The MDM payload"),
      signMessage: mdm.SignMessage === true,
    },
  };
}

/**
 * Apple writes the subject as an array of RDNs, each an array of [type, value] pairs; scepEnroll
 * takes it as text. The order is kept as given: the server reads back only what it put there.
 */
function subjectText(scep: PlistDict): string {
  const rdns = Array.isArray(scep.Subject) ? scep.Subject : [];
  const parts = rdns.flatMap((rdn) =>
    (Array.isArray(rdn) ? rdn : []).flatMap((pair) =>
      Array.isArray(pair) && typeof pair[0] === "string" && typeof pair[1] === "string"
        ? [`${pair[0]}=${pair[1].replace(/([,+"\\<>;=])/g, "\\$1")}`]
        : [],
    ),
  );
  return parts.length ? parts.join(", ") : "CN=Apple device";
}
