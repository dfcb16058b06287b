import type { Migration, MigrationProvider } from "kysely";
import * as registry from "./0001-registry.js";
import * as pushCredentials from "./0002-push-credentials.js";
import * as deviceCas from "./0003-device-cas.js";
import * as pushCredentialScopes from "./0004-push-credential-scopes.js";

const MIGRATIONS: Record<string, Migration> = {
  "0001-registry": registry,
  "0002-push-credentials": pushCredentials,
  "0003-device-cas": deviceCas,
  "0004-push-credential-scopes": pushCredentialScopes,
};

export function relayMigrations(): MigrationProvider {
  return { getMigrations: async () => MIGRATIONS };
}
