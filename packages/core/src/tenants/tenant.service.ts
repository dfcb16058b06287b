import type { Actor } from "../access/actor.js";
import { SECURITY_ADMINISTRATOR } from "../access/roles.js";
import { checkAdminPassword } from "../admins/administrator.service.js";
import { auditEvent, type CoreDeps } from "../shared/context.js";
import { conflict, invalid } from "../shared/errors.js";
import { newId } from "../shared/ids.js";
import { isEmail, normalizeEmail } from "../shared/text.js";
import { DEFAULT_TENANT_ID, DEFAULT_TENANT_SLUG, type Tenant } from "./tenant.js";

export interface NewTenant {
  slug: string;
  name: string;
  adminEmail: string;
  adminPassword: string;
}

const SLUG = /^[a-z0-9](?:[a-z0-9-]{0,38}[a-z0-9])?$/;

export class TenantService {
  constructor(private readonly deps: CoreDeps) {}

  /**
   * The default tenant always exists. On premises it is the only one; in cloud mode it is the operator's
   * tenant, from which the other tenants are created.
   */
  async ensureDefaultTenant(cloudMode: boolean): Promise<Tenant> {
    const existing = await this.deps.store.tenants.get(DEFAULT_TENANT_ID);
    if (existing) return existing;
    const tenant: Tenant = {
      id: DEFAULT_TENANT_ID,
      slug: DEFAULT_TENANT_SLUG,
      name: cloudMode ? "Operator" : "Default",
      operator: cloudMode,
      createdAt: this.deps.clock.now(),
    };
    await this.deps.store.tenants.insert(tenant);
    return tenant;
  }

  /**
   * Creates the first Security Administrator of a tenant that has none. Returns the password that was
   * set, or undefined when the tenant already had an administrator.
   */
  async ensureFirstAdministrator(
    tenantId: string,
    email: string,
    password: string,
  ): Promise<string | undefined> {
    const normalized = normalizeEmail(email);
    if (!isEmail(normalized))
      throw invalid("invalid_email", `The first administrator's email "${email}" is not an email address.`);
    checkAdminPassword(password);
    const tenant = this.deps.store.forTenant(tenantId);
    const page = await tenant.administrators.list({ limit: 1, cursor: undefined });
    if (page.items.length > 0) return undefined;
    const now = this.deps.clock.now();
    const passwordHash = await this.deps.crypto.hashPassword(password);
    await this.deps.store.transaction(async (tx) => {
      const t = tx.forTenant(tenantId);
      const id = newId(now);
      await t.administrators.insert({
        id,
        tenantId,
        email: normalized,
        displayName: normalized,
        roleId: SECURITY_ADMINISTRATOR,
        disabled: false,
        lastLoginAt: null,
        createdAt: now,
        updatedAt: now,
        passwordHash,
      });
      await t.audit.record(
        auditEvent(
          {
            tenantId,
            type: "system",
            id: "system",
            label: "first start",
            permissions: new Set(),
            ip: undefined,
          },
          now,
          "administrator.create",
          { type: "administrator", id, label: normalized },
          { roleId: SECURITY_ADMINISTRATOR, reason: "first administrator" },
        ),
      );
    });
    return password;
  }

  async create(actor: Actor, input: NewTenant): Promise<Tenant> {
    const slug = input.slug.trim().toLowerCase();
    if (!SLUG.test(slug)) {
      throw invalid(
        "invalid_slug",
        "slug must be 1 to 40 lower-case letters, digits or dashes, not starting or ending with a dash",
        [{ field: "slug", message: "lower-case letters, digits and dashes" }],
      );
    }
    const name = input.name.trim();
    if (name.length === 0 || name.length > 200)
      throw invalid("invalid_name", "name must be 1 to 200 characters", [
        { field: "name", message: "must be 1 to 200 characters" },
      ]);
    if (!isEmail(normalizeEmail(input.adminEmail))) {
      throw invalid("invalid_email", "adminEmail must be an email address", [
        { field: "adminEmail", message: "must be an email address" },
      ]);
    }
    checkAdminPassword(input.adminPassword);
    if (await this.deps.store.tenants.getBySlug(slug))
      throw conflict("tenant_exists", `A tenant with the slug "${slug}" already exists.`);
    const now = this.deps.clock.now();
    const tenant: Tenant = { id: newId(now), slug, name, operator: false, createdAt: now };
    await this.deps.store.tenants.insert(tenant);
    await this.ensureFirstAdministrator(tenant.id, input.adminEmail, input.adminPassword);
    await this.deps.store
      .forTenant(actor.tenantId)
      .audit.record(auditEvent(actor, now, "tenant.create", { type: "tenant", id: tenant.id, label: slug }));
    return tenant;
  }

  async list(): Promise<Tenant[]> {
    return this.deps.store.tenants.list();
  }
}
