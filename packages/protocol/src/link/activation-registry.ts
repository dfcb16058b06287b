import { createHash } from "node:crypto";

/**
 * How an address is known to the relay: servers register only this hash, and the relay hashes the
 * address a device asks about the same way. The relay never stores the address itself.
 */
export function activationAddressHash(address: string): string {
  return createHash("sha256")
    .update(`meridian-activation-address:${address.trim().toLowerCase()}`, "utf8")
    .digest("hex");
}

/** What a device learns from the relay about an address: where to go, and which CA to pin. Nothing else. */
export interface ActivationLookupAnswer {
  host: string;
  caFingerprint: string;
}

/** The relay's own HTTPS API for devices (on the relay's host name at the device edge). */
export const RELAY_API_PATHS = {
  lookup: "/relay/v1/activations/lookup",
} as const;
