import type { Actor } from "../access/actor.js";
import type { RoleService } from "../access/role.service.js";
import { SECURITY_ADMINISTRATOR, type Role } from "../access/roles.js";
import { changeAndAudit, type CoreDeps } from "../shared/context.js";
import { conflict, forbidden, invalid, notFound } from "../shared/errors.js";
import { newId } from "../shared/ids.js";
import { pageRequest, type Page } from "../shared/paging.js";
import { isEmail, normalizeEmail } from "../shared/text.js";
import type { Administrator, AdministratorRecord } from "./administrator.js";

export const MIN_ADMIN_PASSWORD_LENGTH = 12;

export interface NewAdministrator {
  email: string;
  displayName?: string | undefined;
  password: string;
  roleId: string;
}

export interface AdministratorChanges {
  displayName?: string | undefined;
  roleId?: string | undefined;
  disabled?: boolean | undefined;
  password?: string | undefined;
}

export function checkAdminPassword(password: string): void {
  if (password.length < MIN_ADMIN_PASSWORD_LENGTH || password.trim().length === 0 || password.length > 1024) {
    throw invalid("weak_password", `The password must be at least ${MIN_ADMIN_PASSWORD_LENGTH} characters.`, [
      { field: "password", message: `must be at least ${MIN_ADMIN_PASSWORD_LENGTH} characters` },
    ]);
  }
}

export class AdministratorService {
  constructor(
    private readonly deps: CoreDeps,
    private readonly roles: RoleService,
  ) {}

  /** An administrator may only hand out a role whose every permission they hold themselves. */
  private async grantableRole(actor: Actor, roleId: string): Promise<Role> {
    const role = await this.roles.find(actor.tenantId, roleId);
    if (!role)
      throw invalid("unknown_role", `There is no role with id ${roleId}.`, [
        { field: "roleId", message: "unknown role" },
      ]);
    const missing = role.permissions.filter((p) => !actor.permissions.has(p));
    if (missing.length > 0) {
      throw forbidden(
        "role_exceeds_yours",
        `You cannot give the role "${role.name}": it allows more than your own role (${missing.join(", ")}).`,
      );
    }
    return role;
  }

  async create(actor: Actor, input: NewAdministrator): Promise<Administrator> {
    const email = normalizeEmail(input.email);
    if (!isEmail(email))
      throw invalid("invalid_email", "email must be an email address", [
        { field: "email", message: "must be an email address" },
      ]);
    checkAdminPassword(input.password);
    await this.grantableRole(actor, input.roleId);
    const passwordHash = await this.deps.crypto.hashPassword(input.password);
    const now = this.deps.clock.now();
    const record: AdministratorRecord = {
      id: newId(now),
      tenantId: actor.tenantId,
      email,
      displayName: input.displayName?.trim() || email,
      roleId: input.roleId,
      disabled: false,
      lastLoginAt: null,
      createdAt: now,
      updatedAt: now,
      passwordHash,
    };
    return changeAndAudit(this.deps, actor, async (tenant, audit) => {
      if (await tenant.administrators.getByEmail(email))
        throw conflict("administrator_exists", `An administrator with the email ${email} already exists.`);
      await tenant.administrators.insert(record);
      audit(
        "administrator.create",
        { type: "administrator", id: record.id, label: email },
        { roleId: record.roleId },
      );
      const { passwordHash: _omit, ...admin } = record;
      return admin;
    });
  }

  async get(actor: Actor, id: string): Promise<Administrator> {
    const admin = await this.deps.store.forTenant(actor.tenantId).administrators.get(id);
    if (!admin) throw notFound("administrator", id);
    return admin;
  }

  async list(actor: Actor, paging: { limit?: number; cursor?: string }): Promise<Page<Administrator>> {
    return this.deps.store.forTenant(actor.tenantId).administrators.list(pageRequest(paging));
  }

  async update(actor: Actor, id: string, changes: AdministratorChanges): Promise<Administrator> {
    if (changes.roleId !== undefined) await this.grantableRole(actor, changes.roleId);
    if (changes.password !== undefined) checkAdminPassword(changes.password);
    const passwordHash =
      changes.password === undefined ? undefined : await this.deps.crypto.hashPassword(changes.password);
    return changeAndAudit(this.deps, actor, async (tenant, audit) => {
      const admin = await tenant.administrators.get(id);
      if (!admin) throw notFound("administrator", id);
      if (admin.roleId === SECURITY_ADMINISTRATOR) await this.grantableRole(actor, admin.roleId);
      const losesSecurityAdmin =
        admin.roleId === SECURITY_ADMINISTRATOR &&
        !admin.disabled &&
        ((changes.roleId !== undefined && changes.roleId !== SECURITY_ADMINISTRATOR) ||
          changes.disabled === true);
      if (
        losesSecurityAdmin &&
        (await tenant.administrators.countActiveWithRole(SECURITY_ADMINISTRATOR)) <= 1
      ) {
        throw conflict(
          "last_security_administrator",
          "This is the last active Security Administrator; make another one first.",
        );
      }
      const now = this.deps.clock.now();
      const next: Administrator = {
        ...admin,
        displayName: changes.displayName?.trim() || admin.displayName,
        roleId: changes.roleId ?? admin.roleId,
        disabled: changes.disabled ?? admin.disabled,
        updatedAt: now,
      };
      await tenant.administrators.update(id, {
        displayName: next.displayName,
        roleId: next.roleId,
        disabled: next.disabled,
        ...(passwordHash ? { passwordHash } : {}),
        updatedAt: now,
      });
      // A new password, a new role or a disabled account ends the sessions that were opened under the old one.
      if (passwordHash || next.disabled || next.roleId !== admin.roleId)
        await tenant.credentials.deleteSessionsOfAdmin(id);
      const fields = Object.entries(changes)
        .filter(([, v]) => v !== undefined)
        .map(([k]) => k);
      audit(
        "administrator.update",
        { type: "administrator", id, label: admin.email },
        { fields, roleId: next.roleId },
      );
      return next;
    });
  }

  async delete(actor: Actor, id: string): Promise<void> {
    if (actor.type === "administrator" && actor.id === id)
      throw conflict("cannot_delete_self", "You cannot delete your own administrator account.");
    await changeAndAudit(this.deps, actor, async (tenant, audit) => {
      const admin = await tenant.administrators.get(id);
      if (!admin) throw notFound("administrator", id);
      await this.grantableRole(actor, admin.roleId);
      if (
        admin.roleId === SECURITY_ADMINISTRATOR &&
        !admin.disabled &&
        (await tenant.administrators.countActiveWithRole(SECURITY_ADMINISTRATOR)) <= 1
      ) {
        throw conflict(
          "last_security_administrator",
          "This is the last active Security Administrator; make another one first.",
        );
      }
      await tenant.credentials.deleteSessionsOfAdmin(id);
      await tenant.administrators.delete(id);
      audit("administrator.delete", { type: "administrator", id, label: admin.email });
    });
  }
}
