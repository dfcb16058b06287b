import type { Actor } from "../access/actor.js";
import { changeAndAudit, type CoreDeps } from "../shared/context.js";
import { invalid, notFound } from "../shared/errors.js";
import { newId } from "../shared/ids.js";
import { pageRequest, type Page } from "../shared/paging.js";
import type { Profile } from "./profile.js";

export const MAX_PROFILE_BYTES = 1024 * 1024;

/** What the protocol layer read from an uploaded profile (core never parses one itself). */
export interface NewProfile {
  payload: Uint8Array;
  identifier: string;
  name: string;
  description?: string | undefined;
  sha256: string;
}

export class ProfileService {
  constructor(private readonly deps: CoreDeps) {}

  /** Stores a profile; one with the same identifier is a new version of it and keeps its id. */
  async save(actor: Actor, input: NewProfile): Promise<{ profile: Profile; replaced: boolean }> {
    if (input.payload.length === 0 || input.payload.length > MAX_PROFILE_BYTES)
      throw invalid("invalid_profile", `A profile has 1 byte to ${MAX_PROFILE_BYTES / 1024} KiB.`);
    const identifier = input.identifier.trim();
    if (!identifier || identifier.length > 255)
      throw invalid("invalid_profile", "The profile's PayloadIdentifier must have 1 to 255 characters.");
    const now = this.deps.clock.now();
    return changeAndAudit(this.deps, actor, async (tenant, audit) => {
      const existing = await tenant.profiles.getByIdentifier(identifier);
      const profile: Profile = {
        id: existing?.id ?? newId(now),
        tenantId: actor.tenantId,
        name: input.name.trim().slice(0, 200) || identifier,
        identifier,
        description: input.description?.trim().slice(0, 2000) || null,
        sha256: input.sha256,
        sizeBytes: input.payload.length,
        createdBy: actor.label,
        createdAt: now,
      };
      await tenant.profiles.save(profile, input.payload);
      audit(
        existing ? "profile.replace" : "profile.create",
        { type: "profile", id: profile.id, label: profile.name },
        { identifier, sha256: profile.sha256 },
      );
      return { profile, replaced: existing !== undefined };
    });
  }

  async list(actor: Actor, paging: { limit?: number; cursor?: string }): Promise<Page<Profile>> {
    return this.deps.store.forTenant(actor.tenantId).profiles.list(pageRequest(paging));
  }

  async get(actor: Actor, id: string): Promise<Profile> {
    const profile = await this.deps.store.forTenant(actor.tenantId).profiles.get(id);
    if (!profile) throw notFound("profile", id);
    return profile;
  }

  async delete(actor: Actor, id: string): Promise<void> {
    await changeAndAudit(this.deps, actor, async (tenant, audit) => {
      const profile = await tenant.profiles.get(id);
      if (!profile || !(await tenant.profiles.delete(id))) throw notFound("profile", id);
      audit(
        "profile.delete",
        { type: "profile", id, label: profile.name },
        { identifier: profile.identifier },
      );
    });
  }

  /** The profile's bytes, for a device protocol encoding an install command. */
  async payloadFor(tenantId: string, id: string): Promise<Uint8Array | undefined> {
    return this.deps.store.forTenant(tenantId).profiles.payload(id);
  }
}
