import { changeAndAudit, type CoreDeps } from "../shared/context.js";
import { conflict, invalid, notFound } from "../shared/errors.js";
import { newId } from "../shared/ids.js";
import type { Actor } from "./actor.js";
import { OPERATOR_PERMISSIONS, isPermission, type Permission } from "./permissions.js";
import type { CustomRole } from "./role.repository.js";
import { BUILT_IN_ROLES, builtInRole, type Role } from "./roles.js";

export interface RoleInput {
  name: string;
  description?: string | undefined;
  permissions: string[];
}

function toRole(role: CustomRole): Role {
  return {
    id: role.id,
    name: role.name,
    description: role.description,
    builtIn: false,
    permissions: role.permissions,
  };
}

function checkInput(input: Partial<RoleInput>): { name?: string; permissions?: Permission[] } {
  const out: { name?: string; permissions?: Permission[] } = {};
  if (input.name !== undefined) {
    const name = input.name.trim();
    if (name.length === 0 || name.length > 100) {
      throw invalid("invalid_role", "name must be 1 to 100 characters", [
        { field: "name", message: "must be 1 to 100 characters" },
      ]);
    }
    out.name = name;
  }
  if (input.permissions !== undefined) {
    const unknown = input.permissions.filter((p) => !isPermission(p));
    if (unknown.length > 0) {
      throw invalid(
        "unknown_permission",
        `Unknown permission(s): ${unknown.join(", ")}. GET /api/v1/permissions lists them.`,
        [{ field: "permissions", message: `unknown: ${unknown.join(", ")}` }],
      );
    }
    const operatorOnly = input.permissions.filter((p) =>
      (OPERATOR_PERMISSIONS as readonly string[]).includes(p),
    );
    if (operatorOnly.length > 0) {
      throw invalid("operator_permission", `${operatorOnly.join(", ")} cannot be given by a role.`, [
        { field: "permissions", message: "tenant management is not granted by roles" },
      ]);
    }
    out.permissions = [...new Set(input.permissions as Permission[])];
  }
  return out;
}

export class RoleService {
  constructor(private readonly deps: CoreDeps) {}

  async list(actor: Actor): Promise<Role[]> {
    const custom = await this.deps.store.forTenant(actor.tenantId).roles.list();
    return [...BUILT_IN_ROLES, ...custom.map(toRole)];
  }

  /** Built-in or custom; undefined when the tenant has no such role. */
  async find(tenantId: string, roleId: string): Promise<Role | undefined> {
    const builtIn = builtInRole(roleId);
    if (builtIn) return builtIn;
    const custom = await this.deps.store.forTenant(tenantId).roles.get(roleId);
    return custom ? toRole(custom) : undefined;
  }

  async get(actor: Actor, roleId: string): Promise<Role> {
    const role = await this.find(actor.tenantId, roleId);
    if (!role) throw notFound("role", roleId);
    return role;
  }

  async create(actor: Actor, input: RoleInput): Promise<Role> {
    const checked = checkInput(input);
    const now = this.deps.clock.now();
    const role: CustomRole = {
      id: newId(now),
      tenantId: actor.tenantId,
      name: checked.name!,
      description: input.description?.trim() ?? "",
      permissions: checked.permissions!,
      createdAt: now,
      updatedAt: now,
    };
    return changeAndAudit(this.deps, actor, async (tenant, audit) => {
      if (
        BUILT_IN_ROLES.some((r) => r.name.toLowerCase() === role.name.toLowerCase()) ||
        (await tenant.roles.getByName(role.name))
      ) {
        throw conflict("role_exists", `A role named "${role.name}" already exists.`);
      }
      await tenant.roles.insert(role);
      audit(
        "role.create",
        { type: "role", id: role.id, label: role.name },
        { permissions: role.permissions },
      );
      return toRole(role);
    });
  }

  async update(actor: Actor, roleId: string, input: Partial<RoleInput>): Promise<Role> {
    if (builtInRole(roleId))
      throw conflict("role_built_in", "Built-in roles cannot be changed; make a custom role instead.");
    const checked = checkInput(input);
    return changeAndAudit(this.deps, actor, async (tenant, audit) => {
      const role = await tenant.roles.get(roleId);
      if (!role) throw notFound("role", roleId);
      if (checked.name && checked.name !== role.name && (await tenant.roles.getByName(checked.name))) {
        throw conflict("role_exists", `A role named "${checked.name}" already exists.`);
      }
      const next = {
        ...role,
        ...checked,
        description: input.description?.trim() ?? role.description,
        updatedAt: this.deps.clock.now(),
      };
      await tenant.roles.update(roleId, {
        name: next.name,
        description: next.description,
        permissions: next.permissions,
        updatedAt: next.updatedAt,
      });
      audit("role.update", { type: "role", id: roleId, label: next.name }, { permissions: next.permissions });
      return toRole(next);
    });
  }

  async delete(actor: Actor, roleId: string): Promise<void> {
    if (builtInRole(roleId)) throw conflict("role_built_in", "Built-in roles cannot be deleted.");
    await changeAndAudit(this.deps, actor, async (tenant, audit) => {
      const role = await tenant.roles.get(roleId);
      if (!role) throw notFound("role", roleId);
      const holders = await tenant.administrators.countWithRole(roleId);
      if (holders > 0)
        throw conflict(
          "role_in_use",
          `${holders} administrator(s) hold "${role.name}"; give them another role first.`,
        );
      await tenant.roles.delete(roleId);
      audit("role.delete", { type: "role", id: roleId, label: role.name });
    });
  }
}
