import type { Actor } from "../access/actor.js";
import { changeAndAudit, type CoreDeps } from "../shared/context.js";
import { invalid } from "../shared/errors.js";
import { pageRequest, type Page } from "../shared/paging.js";
import type { AuditEvent, AuditQuery } from "./audit-event.js";

export interface AuditSettings {
  /** Events older than this are deleted by the daily prune. */
  retentionDays: number;
}

export const AUDIT_SETTINGS_KEY = "audit.settings";
export const DEFAULT_AUDIT_SETTINGS: AuditSettings = { retentionDays: 365 };

export class AuditService {
  constructor(private readonly deps: CoreDeps) {}

  async list(
    actor: Actor,
    query: AuditQuery,
    paging: { limit?: number; cursor?: string },
  ): Promise<Page<AuditEvent>> {
    if (query.from !== undefined && query.to !== undefined && query.from > query.to) {
      throw invalid("invalid_range", "from must be before to", [
        { field: "from", message: "must be before to" },
      ]);
    }
    return this.deps.store.forTenant(actor.tenantId).audit.list(query, pageRequest(paging));
  }

  async settings(tenantId: string): Promise<AuditSettings> {
    const raw = await this.deps.store.forTenant(tenantId).settings.get(AUDIT_SETTINGS_KEY);
    return raw
      ? { ...DEFAULT_AUDIT_SETTINGS, ...(JSON.parse(raw) as Partial<AuditSettings>) }
      : DEFAULT_AUDIT_SETTINGS;
  }

  async updateSettings(actor: Actor, settings: AuditSettings): Promise<AuditSettings> {
    if (
      !Number.isInteger(settings.retentionDays) ||
      settings.retentionDays < 7 ||
      settings.retentionDays > 3650
    ) {
      throw invalid("invalid_retention", "retentionDays must be from 7 to 3650", [
        { field: "retentionDays", message: "must be from 7 to 3650" },
      ]);
    }
    return changeAndAudit(this.deps, actor, async (tenant, audit) => {
      await tenant.settings.set(AUDIT_SETTINGS_KEY, JSON.stringify(settings), this.deps.clock.now());
      audit("audit.settings_update", undefined, { ...settings });
      return settings;
    });
  }

  /** Deletes events older than the tenant's retention. */
  async prune(tenantId: string): Promise<number> {
    const { retentionDays } = await this.settings(tenantId);
    return this.deps.store
      .forTenant(tenantId)
      .audit.deleteBefore(this.deps.clock.now() - retentionDays * 86_400_000);
  }
}
