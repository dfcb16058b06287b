import { forbidden } from "../shared/errors.js";
import type { Permission } from "./permissions.js";

/**
 * Who is acting, for which tenant, from where. Every service call carries one; it scopes every query
 * to the tenant and is what the audit log records.
 */
export interface Actor {
  tenantId: string;
  type: "administrator" | "api_token" | "system";
  id: string;
  label: string;
  permissions: ReadonlySet<Permission>;
  ip: string | undefined;
  /** The administrator behind a session or an API token. */
  administratorId?: string | undefined;
}

export function requirePermission(actor: Actor, permission: Permission): void {
  if (!actor.permissions.has(permission)) {
    throw forbidden(
      "permission_denied",
      `Your role does not allow this (it needs the "${permission}" permission). Ask a Security Administrator.`,
    );
  }
}

export function systemActor(tenantId: string, label: string, permissions: Iterable<Permission>): Actor {
  return { tenantId, type: "system", id: "system", label, permissions: new Set(permissions), ip: undefined };
}
