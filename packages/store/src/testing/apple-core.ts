import { randomBytes } from "node:crypto";
import {
  ALL_PERMISSIONS,
  DEFAULT_TENANT_ID,
  createCore,
  systemActor,
  type Actor,
  type Core,
} from "@meridian/core";
import { createSecretBox, nodeCrypto } from "@meridian/crypto";
import type { StoreBackend } from "./backends.js";

/** A stand-in for the SPAKE2+ verifier: a password matches when its hash does. */
export const standInVerifier = (password: string) => `stand-in:${nodeCrypto.sha256(password)}`;
export const standInMatches = async (verifier: string, password: string) =>
  verifier === standInVerifier(password);

export interface CoreOnBackend {
  env: Awaited<ReturnType<StoreBackend["open"]>>;
  core: Core;
  /** An administrator of the default tenant with every permission. */
  admin: Actor;
}

/**
 * The domain on a freshly migrated backend, with the default tenant and a second one (`other`) for
 * isolation checks, on the given clock: what the Apple contract tests start from.
 */
export async function coreOnBackend(
  backend: StoreBackend,
  clock: { now: () => number },
  other: { id: string; slug: string },
): Promise<CoreOnBackend> {
  const env = await backend.open();
  const core = createCore(
    { store: env.store, crypto: nodeCrypto, secretBox: createSecretBox(randomBytes(32)), clock },
    { activationSecrets: { createVerifier: async (password) => standInVerifier(password) } },
  );
  await core.tenants.ensureDefaultTenant(false);
  await env.store.tenants.insert({ ...other, name: "Globex", operator: false, createdAt: clock.now() });
  return { env, core, admin: systemActor(DEFAULT_TENANT_ID, "admin@example.com", ALL_PERMISSIONS) };
}
