import type { ActivationSecrets } from "@meridian/core";
import { deriveActivationScalars } from "@meridian/crypto";
import { createActivationRecord, type ActivationRecord } from "@meridian/pake";

/** Activation passwords become SPAKE2+ verifier records (salt, w0, L), via argon2id. */
export const spakeActivationSecrets: ActivationSecrets = {
  async createVerifier(password) {
    return JSON.stringify(await createActivationRecord({ password, deriveScalars: deriveActivationScalars }));
  },
};

export function parseVerifier(verifier: string): ActivationRecord {
  return JSON.parse(verifier) as ActivationRecord;
}
