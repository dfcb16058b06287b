import type { Device } from "./device.js";

export interface IdentityRefusal {
  code: "unknown_certificate" | "certificate_revoked" | "device_not_managed";
  message: string;
}

/**
 * Whether a device's identity certificate may speak for it: it must have been issued here, not be
 * revoked, and name a device still managed. One rule for every device protocol; each words the way
 * back in its own terms (`certificate`: "device certificate", `rejoin`: "activate").
 */
export function identityRefusal(
  found: { revokedAt: number | null; device: Device | undefined } | undefined,
  words: { certificate: string; rejoin: string },
): IdentityRefusal | undefined {
  if (!found)
    return { code: "unknown_certificate", message: `This ${words.certificate} was not issued here.` };
  if (found.revokedAt !== null)
    return {
      code: "certificate_revoked",
      message: `This ${words.certificate} has been revoked; ${words.rejoin} the device again.`,
    };
  const state = found.device?.state;
  if (state === undefined || state === "wiped" || state === "retired")
    return {
      code: "device_not_managed",
      message: `This device is no longer managed; ${words.rejoin} it again.`,
    };
  return undefined;
}
