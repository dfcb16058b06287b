import type { Kysely, Migration, MigrationProvider } from "kysely";
import * as initial from "./0001-initial.js";
import * as commands from "./0002-commands.js";
import * as deviceInventory from "./0003-device-inventory.js";
import * as deviceCertificates from "./0004-device-certificates.js";
import * as deviceCompliance from "./0005-device-compliance.js";
import * as devicePush from "./0006-device-push.js";
import * as deviceSummaryIndex from "./0007-device-summary-index.js";
import * as appleMdm from "./0008-apple-mdm.js";
import * as identityExpiryIndex from "./0009-identity-expiry-index.js";

type Dialect = "sqlite" | "postgres";
interface DialectMigration {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- see 0001-initial.ts
  up(db: Kysely<any>, dialect: Dialect): Promise<void>;
}

/** Every migration, in order. Imported statically so that a bundle or a moved checkout still finds them. */
const MIGRATIONS: Record<string, DialectMigration> = {
  "0001-initial": initial,
  "0002-commands": commands,
  "0003-device-inventory": deviceInventory,
  "0004-device-certificates": deviceCertificates,
  "0005-device-compliance": deviceCompliance,
  "0006-device-push": devicePush,
  "0007-device-summary-index": deviceSummaryIndex,
  "0008-apple-mdm": appleMdm,
  "0009-identity-expiry-index": identityExpiryIndex,
};

export function migrationProvider(dialect: Dialect): MigrationProvider {
  return {
    async getMigrations() {
      return Object.fromEntries(
        Object.entries(MIGRATIONS).map(([name, m]): [string, Migration] => [
          name,
          { up: (db) => m.up(db, dialect) },
        ]),
      );
    },
  };
}
