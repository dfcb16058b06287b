import type { Store, Tenant } from "@meridian/core";

/**
 * Devices reach a tenant at `<tenant slug>.<server domain>`, where the relay gave the server its
 * domain at registration. The name is how the server knows a device's tenant before anything else.
 */
export class DeviceHosts {
  private domain: string | undefined;

  constructor(private readonly store: Store) {}

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
    return slug.includes(".") ? undefined : this.store.tenants.getBySlug(slug);
  }
}
