import { sql, type Kysely } from "kysely";
import { conflict, type Store, type TenantStore } from "@meridian/core";
import type { Dialect } from "./query-helpers.js";
import { activationRepository } from "./repositories/activations.repository.js";
import { appleEnrollmentRepository } from "./repositories/apple-enrollments.repository.js";
import { administratorRepository } from "./repositories/administrators.repository.js";
import { auditRepository } from "./repositories/audit.repository.js";
import { commandRepository } from "./repositories/commands.repository.js";
import { credentialLookup, credentialRepository } from "./repositories/credentials.repository.js";
import { deviceCertificateRepository } from "./repositories/device-certificates.repository.js";
import { deviceRepository } from "./repositories/devices.repository.js";
import { groupRepository } from "./repositories/groups.repository.js";
import { inventoryRepository } from "./repositories/inventories.repository.js";
import { profileRepository } from "./repositories/profiles.repository.js";
import { roleRepository } from "./repositories/roles.repository.js";
import { settingRepository } from "./repositories/settings.repository.js";
import { tenantRepository } from "./repositories/tenants.repository.js";
import { userRepository } from "./repositories/users.repository.js";
import type { Database } from "./schema.js";
import { devicePushRepository } from "./repositories/device-push.repository.js";

/** A unique-constraint violation that slipped past a service's own check (two requests racing) is a conflict, not a crash. */
function translate(error: unknown): unknown {
  const code = (error as { code?: unknown }).code;
  if (code === "23505" || code === "SQLITE_CONSTRAINT_UNIQUE" || code === "SQLITE_CONSTRAINT_PRIMARYKEY") {
    return conflict(
      "already_exists",
      "Something with the same unique value was just created; reload and try again.",
    );
  }
  return error;
}

export class KyselyStore implements Store {
  readonly tenants;
  readonly credentialLookup;

  constructor(
    readonly db: Kysely<Database>,
    readonly dialect: Dialect,
    private readonly inTransaction = false,
    private readonly onClose: () => Promise<void> = async () => db.destroy(),
  ) {
    this.tenants = tenantRepository(db);
    this.credentialLookup = credentialLookup(db);
  }

  forTenant(tenantId: string): TenantStore {
    const context = { db: this.db, tenantId, dialect: this.dialect };
    return {
      tenantId,
      administrators: administratorRepository(context),
      roles: roleRepository(context),
      credentials: credentialRepository(context),
      users: userRepository(context),
      groups: groupRepository(context),
      devices: deviceRepository(context),
      commands: commandRepository(context),
      inventories: inventoryRepository(context),
      deviceCertificates: deviceCertificateRepository(context),
      devicePush: devicePushRepository(context),
      activations: activationRepository(context),
      appleEnrollments: appleEnrollmentRepository(context),
      profiles: profileRepository(context),
      audit: auditRepository(context),
      settings: settingRepository(context),
    };
  }

  async transaction<T>(work: (store: Store) => Promise<T>): Promise<T> {
    // A transaction inside a transaction joins the outer one.
    if (this.inTransaction) return work(this);
    try {
      return await this.db.transaction().execute((trx) => work(new KyselyStore(trx, this.dialect, true)));
    } catch (error) {
      throw translate(error);
    }
  }

  async maintain(): Promise<void> {
    // PostgreSQL's autovacuum keeps its statistics; SQLite's are refreshed on request.
    if (this.dialect === "sqlite") await sql`pragma optimize`.execute(this.db);
  }

  async close(): Promise<void> {
    await this.onClose();
  }
}
