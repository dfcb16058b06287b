import { RoleService } from "./access/role.service.js";
import {
  ActivationService,
  ACTIVATION_DEFAULTS,
  type ActivationDefaults,
  IGNORE_ACTIVATION_CHANGES,
  type ActivationListener,
  type ActivationSecrets,
} from "./activations/activation.service.js";
import { AdministratorService } from "./admins/administrator.service.js";
import {
  APPLE_ENROLLMENT_DEFAULTS,
  AppleEnrollmentService,
  type AppleEnrollmentOptions,
} from "./apple/apple-enrollment.service.js";
import { IdentityRenewalService } from "./apple/identity-renewal.service.js";
import { AuditService } from "./audit/audit.service.js";
import { AUTH_DEFAULTS, AuthService, type AuthOptions } from "./auth/auth.service.js";
import {
  COMMAND_DEFAULTS,
  CommandService,
  type CommandNotifier,
  type CommandOptions,
} from "./commands/command.service.js";
import { DeviceService } from "./devices/device.service.js";
import { GroupService } from "./groups/group.service.js";
import { ProfileService } from "./profiles/profile.service.js";
import { PushService } from "./push/push.service.js";
import { SecretSettings } from "./settings/secret-settings.js";
import type { CoreDeps } from "./shared/context.js";
import { TenantService } from "./tenants/tenant.service.js";
import { UserService } from "./users/user.service.js";

export interface CoreOptions {
  auth?: Partial<AuthOptions>;
  commands?: Partial<CommandOptions>;
  /** Told when commands are queued; by default nobody is. */
  commandNotifier?: CommandNotifier;
  activations?: Partial<ActivationDefaults>;
  /** Makes activation password verifiers; the server passes the SPAKE2+ one. Without it, creating an activation fails. */
  activationSecrets?: ActivationSecrets;
  appleEnrollment?: Partial<AppleEnrollmentOptions>;
  /** Told when activations and the number of managed devices change (the relay connection listens). */
  activationListener?: ActivationListener;
}

/** Every domain service, wired to one store. Transports (HTTP, CLI, device protocols) call these. */
export function createCore(deps: CoreDeps, options: CoreOptions = {}) {
  const roles = new RoleService(deps);
  const listener = options.activationListener ?? IGNORE_ACTIVATION_CHANGES;
  const activations = new ActivationService(
    deps,
    options.activationSecrets ?? NO_ACTIVATION_SECRETS,
    { ...ACTIVATION_DEFAULTS, ...options.activations },
    listener,
  );
  const commands = new CommandService(
    deps,
    options.commandNotifier ?? { commandsQueued: () => undefined },
    { ...COMMAND_DEFAULTS, ...options.commands },
    listener,
  );
  const appleEnrollment = { ...APPLE_ENROLLMENT_DEFAULTS, ...options.appleEnrollment };
  return {
    deps,
    roles,
    auth: new AuthService(deps, roles, { ...AUTH_DEFAULTS, ...options.auth }),
    administrators: new AdministratorService(deps, roles),
    tenants: new TenantService(deps),
    users: new UserService(deps),
    groups: new GroupService(deps),
    devices: new DeviceService(deps, listener),
    commands,
    activations,
    appleEnrollments: new AppleEnrollmentService(deps, activations, listener, appleEnrollment),
    identityRenewals: new IdentityRenewalService(deps, commands, appleEnrollment),
    profiles: new ProfileService(deps),
    audit: new AuditService(deps),
    push: new PushService(deps),
    secrets: new SecretSettings(deps),
  };
}

export type Core = ReturnType<typeof createCore>;

const NO_ACTIVATION_SECRETS: ActivationSecrets = {
  createVerifier: () =>
    Promise.reject(
      new Error("This core was created without activation secrets; pass options.activationSecrets."),
    ),
};
