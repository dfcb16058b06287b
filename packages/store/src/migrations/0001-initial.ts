import { sql, type Kysely } from "kysely";

/**
 * The foundation schema. Migrations are frozen once released: later changes go in new files.
 * `dialect` lets a migration use what each database does best (FTS5 on SQLite, pg_trgm on PostgreSQL).
 */
// Migrations are frozen in time, so they must not depend on today's table types (Kysely's advice).
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>, dialect: "sqlite" | "postgres"): Promise<void> {
  const bigint = "bigint" as const;
  const s = db.schema;

  await s
    .createTable("tenants")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("slug", "text", (c) => c.notNull().unique())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("operator", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("created_at", bigint, (c) => c.notNull())
    .execute();

  await s
    .createTable("administrators")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("tenant_id", "text", (c) => c.notNull())
    .addColumn("email", "text", (c) => c.notNull())
    .addColumn("display_name", "text", (c) => c.notNull())
    .addColumn("password_hash", "text", (c) => c.notNull())
    .addColumn("role_id", "text", (c) => c.notNull())
    .addColumn("disabled", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("last_login_at", bigint)
    .addColumn("created_at", bigint, (c) => c.notNull())
    .addColumn("updated_at", bigint, (c) => c.notNull())
    .execute();
  await s
    .createIndex("administrators_tenant_email")
    .unique()
    .on("administrators")
    .columns(["tenant_id", "email"])
    .execute();
  await s.createIndex("administrators_email").on("administrators").column("email").execute();
  await s
    .createIndex("administrators_tenant_role")
    .on("administrators")
    .columns(["tenant_id", "role_id"])
    .execute();

  await s
    .createTable("roles")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("tenant_id", "text", (c) => c.notNull())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("description", "text", (c) => c.notNull())
    .addColumn("permissions", "text", (c) => c.notNull())
    .addColumn("created_at", bigint, (c) => c.notNull())
    .addColumn("updated_at", bigint, (c) => c.notNull())
    .execute();
  await s.createIndex("roles_tenant_name").unique().on("roles").columns(["tenant_id", "name"]).execute();

  await s
    .createTable("sessions")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("tenant_id", "text", (c) => c.notNull())
    .addColumn("admin_id", "text", (c) => c.notNull())
    .addColumn("token_hash", "text", (c) => c.notNull().unique())
    .addColumn("created_at", bigint, (c) => c.notNull())
    .addColumn("expires_at", bigint, (c) => c.notNull())
    .addColumn("last_used_at", bigint, (c) => c.notNull())
    .addColumn("ip", "text")
    .execute();
  await s.createIndex("sessions_tenant_admin").on("sessions").columns(["tenant_id", "admin_id"]).execute();

  await s
    .createTable("api_tokens")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("tenant_id", "text", (c) => c.notNull())
    .addColumn("admin_id", "text", (c) => c.notNull())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("prefix", "text", (c) => c.notNull())
    .addColumn("token_hash", "text", (c) => c.notNull().unique())
    .addColumn("created_at", bigint, (c) => c.notNull())
    .addColumn("expires_at", bigint)
    .addColumn("last_used_at", bigint)
    .addColumn("revoked_at", bigint)
    .execute();
  await s
    .createIndex("api_tokens_tenant_admin")
    .on("api_tokens")
    .columns(["tenant_id", "admin_id"])
    .execute();

  // SQLite gets an INTEGER PRIMARY KEY so that full-text index row ids stay stable across VACUUM.
  let users = s.createTable("users");
  users =
    dialect === "sqlite"
      ? users
          .addColumn("rid", "integer", (c) => c.primaryKey())
          .addColumn("id", "text", (c) => c.notNull().unique())
      : users.addColumn("id", "text", (c) => c.primaryKey());
  await users
    .addColumn("tenant_id", "text", (c) => c.notNull())
    .addColumn("email", "text", (c) => c.notNull())
    .addColumn("display_name", "text", (c) => c.notNull())
    .addColumn("given_name", "text")
    .addColumn("family_name", "text")
    .addColumn("source", "text", (c) => c.notNull())
    .addColumn("external_id", "text")
    .addColumn("search_text", "text", (c) => c.notNull())
    .addColumn("created_at", bigint, (c) => c.notNull())
    .addColumn("updated_at", bigint, (c) => c.notNull())
    .execute();
  await s.createIndex("users_tenant_email").unique().on("users").columns(["tenant_id", "email"]).execute();
  await s
    .createIndex("users_tenant_source_email")
    .on("users")
    .columns(["tenant_id", "source", "email"])
    .execute();

  await s
    .createTable("groups")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("tenant_id", "text", (c) => c.notNull())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("description", "text", (c) => c.notNull())
    .addColumn("source", "text", (c) => c.notNull())
    .addColumn("external_id", "text")
    .addColumn("created_at", bigint, (c) => c.notNull())
    .addColumn("updated_at", bigint, (c) => c.notNull())
    .execute();
  await s.createIndex("groups_tenant_name").unique().on("groups").columns(["tenant_id", "name"]).execute();

  await s
    .createTable("group_members")
    .addColumn("tenant_id", "text", (c) => c.notNull())
    .addColumn("group_id", "text", (c) => c.notNull())
    .addColumn("member_type", "text", (c) => c.notNull())
    .addColumn("member_id", "text", (c) => c.notNull())
    .addColumn("added_at", bigint, (c) => c.notNull())
    .addPrimaryKeyConstraint("group_members_pk", ["tenant_id", "group_id", "member_type", "member_id"])
    .execute();
  await s
    .createIndex("group_members_member")
    .on("group_members")
    .columns(["tenant_id", "member_type", "member_id"])
    .execute();

  let devices = s.createTable("devices");
  devices =
    dialect === "sqlite"
      ? devices
          .addColumn("rid", "integer", (c) => c.primaryKey())
          .addColumn("id", "text", (c) => c.notNull().unique())
      : devices.addColumn("id", "text", (c) => c.primaryKey());
  await devices
    .addColumn("tenant_id", "text", (c) => c.notNull())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("platform", "text", (c) => c.notNull())
    .addColumn("ownership", "text", (c) => c.notNull())
    .addColumn("model", "text")
    .addColumn("manufacturer", "text")
    .addColumn("os_version", "text")
    .addColumn("serial_number", "text")
    .addColumn("imei", "text")
    .addColumn("state", "text", (c) => c.notNull())
    .addColumn("owner_user_id", "text")
    .addColumn("enrolled_at", bigint, (c) => c.notNull())
    .addColumn("last_seen_at", bigint, (c) => c.notNull())
    .addColumn("search_text", "text", (c) => c.notNull())
    .addColumn("created_at", bigint, (c) => c.notNull())
    .addColumn("updated_at", bigint, (c) => c.notNull())
    .execute();
  for (const [name, columns] of [
    ["devices_tenant_name", ["tenant_id", "name", "id"]],
    ["devices_tenant_last_seen", ["tenant_id", "last_seen_at", "id"]],
    ["devices_tenant_enrolled", ["tenant_id", "enrolled_at", "id"]],
    ["devices_tenant_platform_name", ["tenant_id", "platform", "name", "id"]],
    ["devices_tenant_state_name", ["tenant_id", "state", "name", "id"]],
    // Inactive (or lost) devices by last contact: those bunch at one end of the last-contact order.
    ["devices_tenant_state_last_seen", ["tenant_id", "state", "last_seen_at", "id"]],
    ["devices_tenant_os", ["tenant_id", "os_version"]],
    ["devices_tenant_owner", ["tenant_id", "owner_user_id"]],
  ] as const) {
    await s
      .createIndex(name)
      .on("devices")
      .columns([...columns])
      .execute();
  }

  await s
    .createTable("activations")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("tenant_id", "text", (c) => c.notNull())
    .addColumn("user_id", "text", (c) => c.notNull())
    .addColumn("verifier", "text", (c) => c.notNull())
    .addColumn("expires_at", bigint, (c) => c.notNull())
    .addColumn("max_uses", "integer")
    .addColumn("use_count", "integer", (c) => c.notNull())
    .addColumn("failed_attempts", "integer", (c) => c.notNull())
    .addColumn("locked_at", bigint)
    .addColumn("revoked_at", bigint)
    .addColumn("device_limit", "integer", (c) => c.notNull())
    .addColumn("platforms", "text", (c) => c.notNull())
    .addColumn("created_by", "text", (c) => c.notNull())
    .addColumn("created_at", bigint, (c) => c.notNull())
    .execute();
  await s
    .createIndex("activations_tenant_user")
    .on("activations")
    .columns(["tenant_id", "user_id", "created_at"])
    .execute();

  await s
    .createTable("audit_events")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("tenant_id", "text", (c) => c.notNull())
    .addColumn("at", bigint, (c) => c.notNull())
    .addColumn("actor_type", "text", (c) => c.notNull())
    .addColumn("actor_id", "text", (c) => c.notNull())
    .addColumn("actor_label", "text", (c) => c.notNull())
    .addColumn("action", "text", (c) => c.notNull())
    .addColumn("target_type", "text")
    .addColumn("target_id", "text")
    .addColumn("target_label", "text")
    .addColumn("ip", "text")
    .addColumn("details", "text")
    .execute();
  for (const [name, columns] of [
    ["audit_tenant_at", ["tenant_id", "at", "id"]],
    ["audit_tenant_actor_at", ["tenant_id", "actor_id", "at", "id"]],
    ["audit_tenant_action_at", ["tenant_id", "action", "at", "id"]],
    ["audit_tenant_target_at", ["tenant_id", "target_id", "at", "id"]],
  ] as const) {
    await s
      .createIndex(name)
      .on("audit_events")
      .columns([...columns])
      .execute();
  }

  await s
    .createTable("settings")
    .addColumn("tenant_id", "text", (c) => c.notNull())
    .addColumn("key", "text", (c) => c.notNull())
    .addColumn("value", "text", (c) => c.notNull())
    .addColumn("updated_at", bigint, (c) => c.notNull())
    .addPrimaryKeyConstraint("settings_pk", ["tenant_id", "key"])
    .execute();

  for (const table of ["users", "devices"]) {
    if (dialect === "sqlite") {
      // An external-content FTS5 index with the trigram tokenizer answers substring searches from the index.
      await sql
        .raw(
          `CREATE VIRTUAL TABLE ${table}_fts USING fts5(search_text, content='${table}', content_rowid='rid', tokenize='trigram')`,
        )
        .execute(db);
      await sql
        .raw(
          `CREATE TRIGGER ${table}_fts_insert AFTER INSERT ON ${table} BEGIN
        INSERT INTO ${table}_fts(rowid, search_text) VALUES (new.rid, new.search_text); END`,
        )
        .execute(db);
      await sql
        .raw(
          `CREATE TRIGGER ${table}_fts_delete AFTER DELETE ON ${table} BEGIN
        INSERT INTO ${table}_fts(${table}_fts, rowid, search_text) VALUES ('delete', old.rid, old.search_text); END`,
        )
        .execute(db);
      await sql
        .raw(
          `CREATE TRIGGER ${table}_fts_update AFTER UPDATE OF search_text ON ${table} BEGIN
        INSERT INTO ${table}_fts(${table}_fts, rowid, search_text) VALUES ('delete', old.rid, old.search_text);
        INSERT INTO ${table}_fts(rowid, search_text) VALUES (new.rid, new.search_text); END`,
        )
        .execute(db);
    } else {
      await sql`CREATE EXTENSION IF NOT EXISTS pg_trgm`.execute(db);
      await sql
        .raw(`CREATE INDEX ${table}_search_trgm ON ${table} USING gin (search_text gin_trgm_ops)`)
        .execute(db);
    }
  }
}
