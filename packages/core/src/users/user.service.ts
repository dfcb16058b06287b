import type { Actor } from "../access/actor.js";
import { conflict, invalid, notFound, type FieldProblem } from "../shared/errors.js";
import { changeAndAudit, type CoreDeps } from "../shared/context.js";
import { newId } from "../shared/ids.js";
import { pageRequest, type Page } from "../shared/paging.js";
import { isEmail, normalizeEmail, searchText } from "../shared/text.js";
import type { User, UserPatch, UserQuery, UserRecord, UserSource } from "./user.js";

export interface NewUser {
  /** Where this user stands in the caller's file, for import reports. */
  row?: number | undefined;
  email: string;
  displayName?: string | undefined;
  givenName?: string | undefined;
  familyName?: string | undefined;
  source?: UserSource | undefined;
  externalId?: string | undefined;
}

export interface ImportRowResult {
  row: number;
  email: string;
  status: "created" | "failed";
  id?: string;
  code?: string;
  message?: string;
}

export const MAX_IMPORT_BATCH = 1000;

function cleanName(value: string | undefined | null, field: string, problems: FieldProblem[]): string | null {
  if (value === undefined || value === null) return null;
  // Line breaks and tabs (a quoted line break in a CSV cell, say) become single spaces; other control characters are refused.
  const trimmed = value.replace(/\s+/g, " ").trim();
  if (trimmed.length > 200) problems.push({ field, message: "must be at most 200 characters" });
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is refused
  if (/[\u0000-\u001f\u007f]/.test(trimmed))
    problems.push({ field, message: "must not contain control characters" });
  return trimmed.length === 0 ? null : trimmed;
}

export class UserService {
  constructor(private readonly deps: CoreDeps) {}

  /** Checks and normalises one new user; throws with every problem found, not just the first. */
  private prepare(input: NewUser, tenantId: string, now: number): UserRecord {
    const problems: FieldProblem[] = [];
    const email = normalizeEmail(input.email ?? "");
    if (!isEmail(email))
      problems.push({ field: "email", message: "must be an email address such as jane@example.com" });
    const givenName = cleanName(input.givenName, "givenName", problems);
    const familyName = cleanName(input.familyName, "familyName", problems);
    const displayName =
      cleanName(input.displayName, "displayName", problems) ??
      ([givenName, familyName].filter(Boolean).join(" ") || email.split("@")[0] || email);
    if (problems.length > 0)
      throw invalid("invalid_user", problems.map((p) => `${p.field} ${p.message}`).join("; "), problems);
    return {
      id: newId(now),
      tenantId,
      email,
      displayName,
      givenName,
      familyName,
      source: input.source ?? "local",
      externalId: input.externalId?.trim() || null,
      createdAt: now,
      updatedAt: now,
      searchText: searchText(email, displayName, givenName, familyName),
    };
  }

  async create(actor: Actor, input: NewUser): Promise<User> {
    const user = this.prepare(input, actor.tenantId, this.deps.clock.now());
    return changeAndAudit(this.deps, actor, async (tenant, audit) => {
      if (await tenant.users.getByEmail(user.email)) {
        throw conflict("user_exists", `A user with the email ${user.email} already exists.`);
      }
      await tenant.users.insert(user);
      audit("user.create", { type: "user", id: user.id, label: user.email });
      const { searchText: _omit, ...created } = user;
      return created;
    });
  }

  /**
   * Imports a batch in one transaction. Bad rows are reported and skipped; good rows are created together.
   * `firstRow` numbers the rows as they appear in the caller's file.
   */
  async importBatch(actor: Actor, rows: NewUser[], firstRow = 1): Promise<ImportRowResult[]> {
    if (rows.length > MAX_IMPORT_BATCH) {
      throw invalid("batch_too_large", `Send at most ${MAX_IMPORT_BATCH} users per import request.`);
    }
    const now = this.deps.clock.now();
    const results: ImportRowResult[] = [];
    const prepared: Array<{ result: ImportRowResult; record: UserRecord }> = [];
    const seen = new Set<string>();
    rows.forEach((input, index) => {
      const row = input.row ?? firstRow + index;
      const email = typeof input.email === "string" ? input.email.trim() : "";
      try {
        const record = this.prepare(input, actor.tenantId, now);
        if (seen.has(record.email)) {
          results.push({
            row,
            email,
            status: "failed",
            code: "duplicate_in_file",
            message: `${record.email} appears more than once in this import.`,
          });
          return;
        }
        seen.add(record.email);
        const result: ImportRowResult = { row, email: record.email, status: "created", id: record.id };
        results.push(result);
        prepared.push({ result, record });
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        results.push({ row, email, status: "failed", code: "invalid_user", message });
      }
    });
    await changeAndAudit(this.deps, actor, async (tenant, audit) => {
      const existing = await tenant.users.existingEmails(prepared.map((p) => p.record.email));
      const fresh: UserRecord[] = [];
      for (const { result, record } of prepared) {
        if (existing.has(record.email)) {
          Object.assign(result, {
            status: "failed",
            code: "user_exists",
            message: `A user with the email ${record.email} already exists.`,
          });
          delete result.id;
          continue;
        }
        fresh.push(record);
        audit("user.import", { type: "user", id: record.id, label: record.email });
      }
      await tenant.users.insertMany(fresh);
    });
    return results;
  }

  async get(actor: Actor, id: string): Promise<User> {
    const user = await this.deps.store.forTenant(actor.tenantId).users.get(id);
    if (!user) throw notFound("user", id);
    return user;
  }

  async update(actor: Actor, id: string, patch: UserPatch): Promise<User> {
    return changeAndAudit(this.deps, actor, async (tenant, audit) => {
      const user = await tenant.users.get(id);
      if (!user) throw notFound("user", id);
      if (user.source !== "local") {
        throw conflict(
          "user_managed_by_directory",
          `This user comes from ${user.source}; change it there and it will sync here.`,
        );
      }
      const keep = <K extends "givenName" | "familyName">(key: K) =>
        (patch[key] === undefined ? user[key] : patch[key]) ?? undefined;
      const next = this.prepare(
        {
          email: patch.email ?? user.email,
          displayName: patch.displayName ?? user.displayName,
          givenName: keep("givenName"),
          familyName: keep("familyName"),
        },
        actor.tenantId,
        user.createdAt,
      );
      if (next.email !== user.email && (await tenant.users.getByEmail(next.email))) {
        throw conflict("user_exists", `A user with the email ${next.email} already exists.`);
      }
      const now = this.deps.clock.now();
      const changes = {
        email: next.email,
        displayName: next.displayName,
        givenName: next.givenName,
        familyName: next.familyName,
      };
      await tenant.users.update(id, { ...changes, searchText: next.searchText, updatedAt: now });
      audit(
        "user.update",
        { type: "user", id, label: next.email },
        { fields: Object.keys(stripUndefined(patch)) },
      );
      return { ...user, ...changes, updatedAt: now };
    });
  }

  async delete(actor: Actor, id: string): Promise<void> {
    await changeAndAudit(this.deps, actor, async (tenant, audit) => {
      const user = await tenant.users.get(id);
      if (!user) throw notFound("user", id);
      const devices = await tenant.devices.countForUser(id);
      if (devices > 0) {
        throw conflict(
          "user_has_devices",
          `${user.email} still owns ${devices} device(s). Remove or reassign them before deleting the user.`,
        );
      }
      await tenant.activations.deleteForUser(id);
      await tenant.groups.removeUserEverywhere(id);
      await tenant.users.delete(id);
      audit("user.delete", { type: "user", id, label: user.email });
    });
  }

  async list(
    actor: Actor,
    query: UserQuery,
    paging: { limit?: number; cursor?: string },
  ): Promise<Page<User>> {
    return this.deps.store.forTenant(actor.tenantId).users.list(normaliseQuery(query), pageRequest(paging));
  }
}

function normaliseQuery(query: UserQuery): UserQuery {
  const text = query.text?.trim().toLowerCase();
  return {
    ...query,
    text: text ? text : undefined,
    email: query.email === undefined ? undefined : normalizeEmail(query.email),
  };
}

function stripUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
