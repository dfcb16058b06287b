import type { Actor } from "../access/actor.js";
import type { Permission } from "../access/permissions.js";
import type { RoleService } from "../access/role.service.js";
import { OPERATOR_PERMISSIONS } from "../access/permissions.js";
import { SECURITY_ADMINISTRATOR } from "../access/roles.js";
import type { AdministratorRecord } from "../admins/administrator.js";
import { auditEvent, changeAndAudit, type CoreDeps } from "../shared/context.js";
import { MeridianError, invalid, notFound, unauthenticated } from "../shared/errors.js";
import { newId } from "../shared/ids.js";
import { normalizeEmail } from "../shared/text.js";
import type { ApiToken } from "./credentials.js";

export const SESSION_TOKEN_PREFIX = "mrs_";
export const API_TOKEN_PREFIX = "mrt_";

export interface AuthOptions {
  sessionLifetimeMs: number;
  /** Sessions and tokens record their last use at most this often, to keep reads from becoming writes. */
  touchIntervalMs: number;
}

export const AUTH_DEFAULTS: AuthOptions = { sessionLifetimeMs: 12 * 3600_000, touchIntervalMs: 60_000 };

export interface LoginResult {
  token: string;
  expiresAt: number;
  administrator: { id: string; email: string; displayName: string; roleId: string; tenantId: string };
}

export interface AuthenticatedActor extends Actor {
  sessionId: string | undefined;
}

const badCredentials = () => unauthenticated("invalid_credentials", "The email or password is wrong.");

export class AuthService {
  /** Hash of a throwaway password, verified when no account matches so that timing does not reveal which emails exist. */
  private decoyHash: Promise<string> | undefined;

  constructor(
    private readonly deps: CoreDeps,
    private readonly roles: RoleService,
    private readonly options: AuthOptions = AUTH_DEFAULTS,
  ) {}

  async login(input: {
    email: string;
    password: string;
    tenant?: string | undefined;
    ip?: string | undefined;
  }): Promise<LoginResult> {
    const email = normalizeEmail(input.email);
    let candidates = await this.deps.store.credentialLookup.administratorsByEmail(email);
    if (input.tenant !== undefined) {
      const tenant = await this.deps.store.tenants.getBySlug(input.tenant);
      candidates = candidates.filter((c) => c.tenantId === tenant?.id);
    } else if (candidates.length > 1) {
      throw invalid(
        "tenant_required",
        'This email is an administrator in more than one tenant; say which one with "tenant".',
      );
    }
    const admin = candidates[0];
    if (!admin) {
      this.decoyHash ??= this.deps.crypto.hashPassword(this.deps.crypto.randomToken(16));
      await this.deps.crypto.verifyPassword(await this.decoyHash, input.password);
      throw badCredentials();
    }
    const ok = await this.deps.crypto.verifyPassword(admin.passwordHash, input.password);
    const now = this.deps.clock.now();
    const actor = this.actorFor(admin, new Set(), undefined, input.ip);
    if (!ok || admin.disabled) {
      await this.deps.store
        .forTenant(admin.tenantId)
        .audit.record(
          auditEvent(
            actor,
            now,
            "auth.login_failed",
            { type: "administrator", id: admin.id, label: admin.email },
            { reason: ok ? "disabled" : "wrong_password" },
          ),
        );
      if (ok) throw unauthenticated("administrator_disabled", "This administrator account is disabled.");
      throw badCredentials();
    }
    const token = SESSION_TOKEN_PREFIX + this.deps.crypto.randomToken(32);
    const expiresAt = now + this.options.sessionLifetimeMs;
    await changeAndAudit(this.deps, actor, async (tenant, audit) => {
      await tenant.credentials.insertSession({
        id: newId(now),
        tenantId: admin.tenantId,
        adminId: admin.id,
        tokenHash: this.deps.crypto.sha256(token),
        createdAt: now,
        expiresAt,
        lastUsedAt: now,
        ip: input.ip ?? null,
      });
      await tenant.administrators.update(admin.id, { lastLoginAt: now, updatedAt: admin.updatedAt });
      audit("auth.login", { type: "administrator", id: admin.id, label: admin.email });
    });
    return {
      token,
      expiresAt,
      administrator: {
        id: admin.id,
        email: admin.email,
        displayName: admin.displayName,
        roleId: admin.roleId,
        tenantId: admin.tenantId,
      },
    };
  }

  /** Turns a bearer token into the actor it stands for, or throws 401-kind errors. */
  async authenticate(token: string, ip?: string): Promise<AuthenticatedActor> {
    const now = this.deps.clock.now();
    const hash = this.deps.crypto.sha256(token);
    const lookup = this.deps.store.credentialLookup;
    if (token.startsWith(SESSION_TOKEN_PREFIX)) {
      const session = await lookup.sessionByTokenHash(hash);
      if (!session || session.expiresAt <= now)
        throw unauthenticated("session_expired", "Your session has expired or was ended; sign in again.");
      const admin = await this.activeAdmin(session.tenantId, session.adminId);
      if (now - session.lastUsedAt > this.options.touchIntervalMs) {
        await this.deps.store.forTenant(session.tenantId).credentials.touchSession(session.id, now);
      }
      return {
        ...this.actorFor(admin, await this.permissionsOf(admin), undefined, ip),
        sessionId: session.id,
      };
    }
    if (token.startsWith(API_TOKEN_PREFIX)) {
      const apiToken = await lookup.apiTokenByHash(hash);
      if (
        !apiToken ||
        apiToken.revokedAt !== null ||
        (apiToken.expiresAt !== null && apiToken.expiresAt <= now)
      ) {
        throw unauthenticated("invalid_token", "This API token is unknown, revoked or expired.");
      }
      const admin = await this.activeAdmin(apiToken.tenantId, apiToken.adminId);
      if (apiToken.lastUsedAt === null || now - apiToken.lastUsedAt > this.options.touchIntervalMs) {
        await this.deps.store.forTenant(apiToken.tenantId).credentials.touchApiToken(apiToken.id, now);
      }
      const actor = this.actorFor(admin, await this.permissionsOf(admin), apiToken, ip);
      return { ...actor, sessionId: undefined };
    }
    throw unauthenticated("invalid_token", "The bearer token is not a Meridian session or API token.");
  }

  async logout(actor: AuthenticatedActor): Promise<void> {
    await changeAndAudit(this.deps, actor, async (tenant, audit) => {
      if (actor.sessionId) await tenant.credentials.deleteSession(actor.sessionId);
      audit("auth.logout", { type: actor.type, id: actor.id, label: actor.label });
    });
  }

  async createApiToken(
    actor: Actor,
    input: { name: string; expiresInDays?: number | undefined },
  ): Promise<{ token: string; apiToken: ApiToken }> {
    if (actor.type !== "administrator" || !actor.administratorId)
      throw invalid(
        "administrator_required",
        "API tokens are created by a signed-in administrator, not by another token.",
      );
    const name = input.name.trim();
    if (name.length === 0 || name.length > 100)
      throw invalid("invalid_token_name", "name must be 1 to 100 characters", [
        { field: "name", message: "must be 1 to 100 characters" },
      ]);
    const days = input.expiresInDays;
    if (days !== undefined && (!Number.isInteger(days) || days < 1 || days > 3650)) {
      throw invalid("invalid_expiry", "expiresInDays must be from 1 to 3650", [
        { field: "expiresInDays", message: "must be from 1 to 3650" },
      ]);
    }
    const now = this.deps.clock.now();
    const token = API_TOKEN_PREFIX + this.deps.crypto.randomToken(32);
    const apiToken: ApiToken = {
      id: newId(now),
      tenantId: actor.tenantId,
      adminId: actor.administratorId,
      name,
      prefix: token.slice(0, 10),
      createdAt: now,
      expiresAt: days === undefined ? null : now + days * 86_400_000,
      lastUsedAt: null,
      revokedAt: null,
    };
    await changeAndAudit(this.deps, actor, async (tenant, audit) => {
      await tenant.credentials.insertApiToken({ ...apiToken, tokenHash: this.deps.crypto.sha256(token) });
      audit("api_token.create", { type: "api_token", id: apiToken.id, label: name });
    });
    return { token, apiToken };
  }

  /** An administrator's own tokens; every token of the tenant for those who may read administrators. */
  async listApiTokens(actor: Actor): Promise<ApiToken[]> {
    const everyone = actor.permissions.has("admins:read");
    return this.deps.store
      .forTenant(actor.tenantId)
      .credentials.listApiTokens(everyone ? undefined : (actor.administratorId ?? "-"));
  }

  async revokeApiToken(actor: Actor, id: string): Promise<void> {
    await changeAndAudit(this.deps, actor, async (tenant, audit) => {
      const token = await tenant.credentials.getApiToken(id);
      const mayRevoke =
        token && (token.adminId === actor.administratorId || actor.permissions.has("admins:write"));
      if (!token || !mayRevoke) throw notFound("api_token", id);
      await tenant.credentials.revokeApiToken(id, this.deps.clock.now());
      audit("api_token.revoke", { type: "api_token", id, label: token.name });
    });
  }

  private async activeAdmin(tenantId: string, adminId: string): Promise<AdministratorRecord> {
    const admin = await this.deps.store.forTenant(tenantId).administrators.getRecord(adminId);
    if (!admin || admin.disabled)
      throw unauthenticated(
        "administrator_disabled",
        "The administrator behind this credential is disabled or removed.",
      );
    return admin;
  }

  private async permissionsOf(admin: AdministratorRecord): Promise<Set<Permission>> {
    const role = await this.roles.find(admin.tenantId, admin.roleId);
    if (!role)
      throw new MeridianError(
        "forbidden",
        "role_missing",
        "Your role no longer exists; ask a Security Administrator to give you one.",
      );
    const permissions = new Set<Permission>(role.permissions);
    if (admin.roleId === SECURITY_ADMINISTRATOR) {
      const tenant = await this.deps.store.tenants.get(admin.tenantId);
      if (tenant?.operator) OPERATOR_PERMISSIONS.forEach((p) => permissions.add(p));
    }
    return permissions;
  }

  private actorFor(
    admin: AdministratorRecord,
    permissions: Set<Permission>,
    apiToken: ApiToken | undefined,
    ip: string | undefined,
  ): Actor {
    return {
      tenantId: admin.tenantId,
      type: apiToken ? "api_token" : "administrator",
      id: apiToken ? apiToken.id : admin.id,
      label: apiToken ? `${admin.email} (token ${apiToken.name})` : admin.email,
      permissions,
      ip,
      administratorId: admin.id,
    };
  }
}
