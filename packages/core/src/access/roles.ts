import { ALL_PERMISSIONS, OPERATOR_PERMISSIONS } from "./permissions.js";
import type { Permission } from "./permissions.js";

export interface Role {
  id: string;
  name: string;
  description: string;
  builtIn: boolean;
  permissions: Permission[];
}

export const SECURITY_ADMINISTRATOR = "security-administrator";
export const ENTERPRISE_ADMINISTRATOR = "enterprise-administrator";
export const HELP_DESK = "help-desk";

const tenantPermissions = ALL_PERMISSIONS.filter((p) => !OPERATOR_PERMISSIONS.includes(p));

/**
 * Built-in roles. Tenant permissions only: managing tenants is granted by the operator flag of the
 * cloud operator's own tenant, never by a role, so no tenant can give itself power over another.
 */
export const BUILT_IN_ROLES: readonly Role[] = [
  {
    id: SECURITY_ADMINISTRATOR,
    name: "Security Administrator",
    description: "Everything, including roles and audit settings.",
    builtIn: true,
    permissions: tenantPermissions,
  },
  {
    id: ENTERPRISE_ADMINISTRATOR,
    name: "Enterprise Administrator",
    description: "Everything except managing roles and audit settings.",
    builtIn: true,
    permissions: tenantPermissions.filter((p) => p !== "roles:write" && p !== "audit:settings"),
  },
  {
    id: HELP_DESK,
    name: "Help Desk",
    description: "Read everything, send device commands and create activation passwords.",
    builtIn: true,
    permissions: tenantPermissions.filter(
      (p) => p.endsWith(":read") || p === "devices:command" || p === "activations:write",
    ),
  },
];

export function builtInRole(id: string): Role | undefined {
  return BUILT_IN_ROLES.find((role) => role.id === id);
}
