import { api, unwrap } from "../../api/client";
import type { AuditEvent } from "../../api/types";

export interface AuditFilters {
  actor?: string | undefined;
  action?: string | undefined;
  target?: string | undefined;
  /** yyyy-mm-dd, local time, inclusive. */
  fromDate?: string | undefined;
  toDate?: string | undefined;
}

const dayStart = (date: string) => new Date(`${date}T00:00:00`).getTime();

/** The API's query for the filters: dates become Unix milliseconds, the end date inclusive. */
export function auditQuery(filters: AuditFilters) {
  return {
    ...(filters.actor ? { actor: filters.actor } : {}),
    ...(filters.action ? { action: filters.action } : {}),
    ...(filters.target ? { target: filters.target } : {}),
    ...(filters.fromDate ? { from: dayStart(filters.fromDate) } : {}),
    ...(filters.toDate ? { to: dayStart(filters.toDate) + 86_400_000 - 1 } : {}),
  };
}

export function fetchAuditPage(filters: AuditFilters, cursor: string | undefined, limit = 100) {
  return unwrap(
    api.GET("/api/v1/audit-events", {
      params: { query: { ...auditQuery(filters), limit, ...(cursor ? { cursor } : {}) } },
    }),
  );
}

/** Every event the filters match, up to `max`, page after page. */
export async function fetchAllAuditEvents(
  filters: AuditFilters,
  max: number,
  onProgress: (n: number) => void,
): Promise<AuditEvent[]> {
  const events: AuditEvent[] = [];
  let cursor: string | undefined;
  do {
    const page = await fetchAuditPage(filters, cursor, 500);
    events.push(...page.items);
    onProgress(events.length);
    cursor = page.nextCursor;
  } while (cursor && events.length < max);
  return events.slice(0, max);
}
