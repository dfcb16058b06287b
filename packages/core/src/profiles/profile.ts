import type { Page, PageRequest } from "../shared/paging.js";

/**
 * A configuration profile an administrator uploaded (for Apple devices, a `.mobileconfig`). It is
 * stored once; an install command names it, so sending it to 100,000 devices queues 100,000 small
 * rows, not 100,000 copies.
 */
export interface Profile {
  id: string;
  tenantId: string;
  name: string;
  /** The profile's PayloadIdentifier: what RemoveProfile names, unique in a tenant. */
  identifier: string;
  description: string | null;
  /** SHA-256 of the payload, hex: lets an administrator tell two versions apart. */
  sha256: string;
  sizeBytes: number;
  createdBy: string;
  createdAt: number;
}

export interface ProfileRepository {
  /** Inserts a profile, or replaces the one with the same identifier (a new version). */
  save(profile: Profile, payload: Uint8Array): Promise<void>;
  get(id: string): Promise<Profile | undefined>;
  getByIdentifier(identifier: string): Promise<Profile | undefined>;
  payload(id: string): Promise<Uint8Array | undefined>;
  list(page: PageRequest): Promise<Page<Profile>>;
  delete(id: string): Promise<boolean>;
}
