import type { Page, PageRequest } from "../shared/paging.js";

export interface AuditEvent {
  id: string;
  tenantId: string;
  at: number;
  actorType: "administrator" | "api_token" | "system" | "anonymous";
  actorId: string;
  actorLabel: string;
  /** Dotted verb, such as `user.create` or `auth.login_failed`. */
  action: string;
  targetType: string | null;
  targetId: string | null;
  targetLabel: string | null;
  ip: string | null;
  details: Record<string, unknown> | null;
}

export interface AuditQuery {
  actorId?: string | undefined;
  action?: string | undefined;
  targetId?: string | undefined;
  from?: number | undefined;
  to?: number | undefined;
}

export interface AuditRepository {
  record(event: AuditEvent): Promise<void>;
  recordMany(events: AuditEvent[]): Promise<void>;
  /** Newest first. */
  list(query: AuditQuery, page: PageRequest): Promise<Page<AuditEvent>>;
  deleteBefore(at: number): Promise<number>;
}
