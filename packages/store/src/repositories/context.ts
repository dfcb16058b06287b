import type { Kysely } from "kysely";
import type { Database } from "../schema.js";
import type { Dialect } from "../query-helpers.js";

/** What every tenant-scoped repository is built from: a connection (or transaction) and its tenant. */
export interface RepositoryContext {
  db: Kysely<Database>;
  tenantId: string;
  dialect: Dialect;
}
