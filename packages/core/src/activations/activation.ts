import type { Platform } from "../devices/device.js";

export const MIN_ACTIVATION_LIFETIME_MS = 60_000;
export const MAX_ACTIVATION_LIFETIME_MS = 30 * 24 * 3600_000;
export const MAX_FAILED_ATTEMPTS = 5;

export type ActivationStatus = "active" | "expired" | "used" | "locked" | "revoked";

export interface Activation {
  id: string;
  tenantId: string;
  userId: string;
  expiresAt: number;
  /** null: any number of devices may activate with it until it expires. */
  maxUses: number | null;
  useCount: number;
  failedAttempts: number;
  lockedAt: number | null;
  revokedAt: number | null;
  /** Most devices this user may have under management when one more activates. */
  deviceLimit: number;
  platforms: Platform[];
  createdBy: string;
  createdAt: number;
}

export interface ActivationRecord extends Activation {
  /** The password's verifier for the activation exchange (SPAKE2+), sealed; never the password. */
  verifier: string;
}

export function activationStatus(activation: Activation, now: number): ActivationStatus {
  if (activation.revokedAt !== null) return "revoked";
  if (activation.lockedAt !== null) return "locked";
  if (activation.maxUses !== null && activation.useCount >= activation.maxUses) return "used";
  if (activation.expiresAt <= now) return "expired";
  return "active";
}

export interface ActivationRepository {
  insert(activation: ActivationRecord): Promise<void>;
  get(id: string): Promise<Activation | undefined>;
  getRecord(id: string): Promise<ActivationRecord | undefined>;
  listForUser(userId: string): Promise<Activation[]>;
  /** Activations of the user that could still be used, newest first. */
  listUsableForUser(userId: string, now: number): Promise<ActivationRecord[]>;
  /** Counts one failed try, and locks the activation when the count reaches `lockAt`. Returns the new count. */
  recordFailure(id: string, lockAt: number, now: number): Promise<number>;
  /** Ends every activation of the user that could still be used (a new one replaces them). */
  revokeUsableForUser(userId: string, now: number): Promise<number>;
  /** Takes one use if one is left; false when it was used up meanwhile. */
  consumeUse(id: string): Promise<boolean>;
  revoke(id: string, now: number): Promise<boolean>;
  deleteForUser(userId: string): Promise<void>;
  /** The address and expiry of the user's activation that can still be used, if there is one. */
  currentForAddress(email: string, now: number): Promise<{ expiresAt: number } | undefined>;
  /** Every activation that can still be used, with its user's address (to tell the relay after an outage). */
  listCurrent(now: number): Promise<Array<{ email: string; expiresAt: number }>>;
}
