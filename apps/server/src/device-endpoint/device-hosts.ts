import type { Store, Tenant } from "@meridian/core";

/**
 * Devices reach a tenant at `<tenant slug>.<server domain>`, where the relay gave the server its
 * domain at registration. The name is how the server knows a device's tenant before anything else.
 */
export class DeviceHosts {
  private domain: string | undefined;
  /** Every device request names its tenant; tenants change rarely, so their rows are kept briefly. */
  private readonly tenants = new Map<string, { tenant: Tenant | undefined; until: number }>();

  constructor(
    private readonly store: Store,
    private readonly cacheMs = 5_000,
    private readonly now: () => number = Date.now,
  ) {}

  setDomain(domain: string): void {
    this.domain = domain.toLowerCase();
  }

  get serverDomain(): string | undefined {
    return this.domain;
  }

  hostFor(tenant: Pick<Tenant, "slug">): string | undefined {
    return this.domain && `${tenant.slug}.${this.domain}`;
  }

  async tenantFor(host: string | undefined): Promise<Tenant | undefined> {
    const name = host?.toLowerCase();
    if (!this.domain || !name?.endsWith(`.${this.domain}`)) return undefined;
    const slug = name.slice(0, -this.domain.length - 1);
    if (slug.includes(".")) return undefined;
    const cached = this.tenants.get(slug);
    if (cached && cached.until > this.now()) return cached.tenant;
    const tenant = await this.store.tenants.getBySlug(slug);
    // Only known tenants are kept: names devices make up must not fill the map.
    if (tenant) this.tenants.set(slug, { tenant, until: this.now() + this.cacheMs });
    else this.tenants.delete(slug);
    return tenant;
  }
}
