/**
 * Every route and every service action is guarded by one of these named permissions. Custom roles are
 * sets of them; the built-in roles below are fixed sets that cannot be edited.
 */
export const PERMISSIONS = {
  "users:read": "See users, their groups, devices and activations",
  "users:write": "Create, change, import and delete users",
  "groups:read": "See groups and their members",
  "groups:write": "Create, change and delete groups and their membership",
  "devices:read": "See devices, their inventory and command history",
  "devices:write": "Change device details and remove devices",
  "devices:command": "Send commands to devices (lock, wipe, restart, refresh inventory)",
  "profiles:read": "See configuration profiles",
  "profiles:write": "Upload and delete configuration profiles",
  "activations:read": "See a user's activations (never their passwords)",
  "activations:write": "Create and expire activation passwords",
  "admins:read": "See administrators",
  "admins:write": "Create, change and remove administrators and assign them roles",
  "roles:read": "See roles and what each may do",
  "roles:write": "Create, change and delete custom roles",
  "audit:read": "Read the audit log",
  "audit:settings": "Change audit settings such as retention",
  "settings:read": "See server settings",
  "settings:write": "Change server settings",
  "tenants:read": "See tenants (cloud operator only)",
  "tenants:write": "Create and suspend tenants (cloud operator only)",
} as const;

export type Permission = keyof typeof PERMISSIONS;

export const ALL_PERMISSIONS = Object.keys(PERMISSIONS) as Permission[];

export function isPermission(value: string): value is Permission {
  return Object.hasOwn(PERMISSIONS, value);
}

/** Granted only to Security Administrators of the cloud operator's tenant, never through a role. */
export const OPERATOR_PERMISSIONS: readonly Permission[] = ["tenants:read", "tenants:write"];
