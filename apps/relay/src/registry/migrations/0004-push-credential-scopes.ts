import { sql, type Kysely } from "kysely";

/**
 * APNs credentials may be held per tenant of a server (its scope); the server-wide ones are scope "".
 * The primary key changes, which SQLite cannot alter in place: the rows move to a new table.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations are frozen in time
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("relay_push_credentials_scoped")
    .addColumn("server_id", "text", (c) => c.notNull())
    .addColumn("service", "text", (c) => c.notNull())
    .addColumn("scope", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("identity", "text", (c) => c.notNull())
    .addColumn("sealed", "text", (c) => c.notNull())
    .addColumn("updated_at", "bigint", (c) => c.notNull())
    .addPrimaryKeyConstraint("relay_push_credentials_scope_pk", ["server_id", "service", "scope"])
    .execute();
  await sql`
    insert into relay_push_credentials_scoped (server_id, service, scope, identity, sealed, updated_at)
    select server_id, service, '', identity, sealed, updated_at from relay_push_credentials
  `.execute(db);
  await db.schema.dropTable("relay_push_credentials").execute();
  await db.schema.alterTable("relay_push_credentials_scoped").renameTo("relay_push_credentials").execute();
}
