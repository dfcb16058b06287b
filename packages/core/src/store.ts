import type { RoleRepository } from "./access/role.repository.js";
import type { ActivationRepository } from "./activations/activation.js";
import type { AppleEnrollmentRepository } from "./apple/apple-enrollment.js";
import type { AdministratorRepository } from "./admins/administrator.js";
import type { AuditRepository } from "./audit/audit-event.js";
import type { CommandRepository } from "./commands/command.js";
import type { CredentialLookup, CredentialRepository } from "./auth/credentials.js";
import type { DeviceCertificateRepository, DeviceRepository } from "./devices/device.js";
import type { InventoryRepository } from "./devices/inventory.js";
import type { GroupRepository } from "./groups/group.js";
import type { ProfileRepository } from "./profiles/profile.js";
import type { DevicePushRepository } from "./push/device-push.js";
import type { SettingRepository } from "./settings/setting.js";
import type { TenantRepository } from "./tenants/tenant.js";
import type { UserRepository } from "./users/user.js";

/** Repositories bound to one tenant: every query they run is limited to that tenant's rows. */
export interface TenantStore {
  readonly tenantId: string;
  readonly administrators: AdministratorRepository;
  readonly roles: RoleRepository;
  readonly credentials: CredentialRepository;
  readonly users: UserRepository;
  readonly groups: GroupRepository;
  readonly devices: DeviceRepository;
  readonly commands: CommandRepository;
  readonly inventories: InventoryRepository;
  readonly deviceCertificates: DeviceCertificateRepository;
  readonly devicePush: DevicePushRepository;
  readonly activations: ActivationRepository;
  readonly appleEnrollments: AppleEnrollmentRepository;
  readonly profiles: ProfileRepository;
  readonly audit: AuditRepository;
  readonly settings: SettingRepository;
}

export interface Store {
  readonly dialect: "sqlite" | "postgres";
  readonly tenants: TenantRepository;
  readonly credentialLookup: CredentialLookup;
  forTenant(tenantId: string): TenantStore;
  /** Runs `work` in one database transaction; the store it is given writes inside that transaction. */
  transaction<T>(work: (store: Store) => Promise<T>): Promise<T>;
  /** Periodic upkeep, such as refreshing the query planner's statistics; safe to call at any time. */
  maintain(): Promise<void>;
  close(): Promise<void>;
}
