import { X509Certificate } from "node:crypto";
import { readProfilePayload } from "./command-answers.js";
import { dicts, optionalText } from "./plist-reads.js";

/**
 * Whether an InstallProfile payload is an enrollment profile (an MDM payload and a SCEP payload):
 * what a server sends to renew the device's identity, and what the device then enrols again with.
 */
export function isEnrollmentProfile(payload: unknown): payload is Uint8Array {
  const profile = readProfilePayload(payload);
  if (!profile) return false;
  const types = new Set(dicts(profile.PayloadContent).map((p) => optionalText(p, "PayloadType")));
  return types.has("com.apple.mdm") && types.has("com.apple.security.scep");
}

/** The SHA-256 fingerprint of a PEM certificate, as the relay names the CA it pins. */
export function fingerprintOf(pem: string): string {
  return new X509Certificate(pem).fingerprint256;
}
