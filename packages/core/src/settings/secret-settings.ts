import type { CoreDeps } from "../shared/context.js";

const SEALED = "sealed:";

/**
 * Settings whose values are secrets (push credentials, directory passwords, relay keys): sealed with the
 * server's secret key before they reach the database, opened only when used.
 */
export class SecretSettings {
  constructor(private readonly deps: CoreDeps) {}

  async set(tenantId: string, key: string, secret: string): Promise<void> {
    await this.deps.store
      .forTenant(tenantId)
      .settings.set(key, SEALED + this.deps.secretBox.seal(secret), this.deps.clock.now());
  }

  /** Seals and stores the secret unless the key already has one; returns the one that is stored now. */
  async setIfAbsent(tenantId: string, key: string, secret: string): Promise<string> {
    const settings = this.deps.store.forTenant(tenantId).settings;
    await settings.insertIfAbsent(key, SEALED + this.deps.secretBox.seal(secret), this.deps.clock.now());
    return (await this.get(tenantId, key))!;
  }

  async get(tenantId: string, key: string): Promise<string | undefined> {
    const stored = await this.deps.store.forTenant(tenantId).settings.get(key);
    if (stored === undefined) return undefined;
    if (!stored.startsWith(SEALED)) throw new Error(`Setting ${key} is not a sealed secret.`);
    return this.deps.secretBox.open(stored.slice(SEALED.length));
  }
}
