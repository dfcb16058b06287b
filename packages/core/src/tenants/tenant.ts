export const DEFAULT_TENANT_ID = "00000000-0000-7000-8000-000000000001";
export const DEFAULT_TENANT_SLUG = "default";

export interface Tenant {
  id: string;
  slug: string;
  name: string;
  /** The cloud operator's own tenant: its Security Administrators may create and manage other tenants. */
  operator: boolean;
  createdAt: number;
}

/** Tenants are the one aggregate that is not itself tenant-scoped. */
export interface TenantRepository {
  insert(tenant: Tenant): Promise<void>;
  get(id: string): Promise<Tenant | undefined>;
  getBySlug(slug: string): Promise<Tenant | undefined>;
  list(): Promise<Tenant[]>;
}
