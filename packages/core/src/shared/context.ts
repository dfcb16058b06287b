import type { Actor } from "../access/actor.js";
import type { AuditEvent } from "../audit/audit-event.js";
import type { Store, TenantStore } from "../store.js";
import type { Clock } from "./clock.js";
import type { Crypto, SecretBox } from "./crypto.js";
import { newId } from "./ids.js";

export interface CoreDeps {
  store: Store;
  crypto: Crypto;
  secretBox: SecretBox;
  clock: Clock;
}

export interface AuditTarget {
  type: string;
  id: string;
  label?: string | undefined;
}

export function auditEvent(
  actor: Actor,
  at: number,
  action: string,
  target?: AuditTarget,
  details?: Record<string, unknown>,
): AuditEvent {
  return {
    id: newId(at),
    tenantId: actor.tenantId,
    at,
    actorType: actor.type,
    actorId: actor.id,
    actorLabel: actor.label,
    action,
    targetType: target?.type ?? null,
    targetId: target?.id ?? null,
    targetLabel: target?.label ?? null,
    ip: actor.ip ?? null,
    details: details ?? null,
  };
}

/**
 * Runs a change and its audit record in one transaction, so that no change is ever left unaudited
 * and no audit record describes a change that was rolled back.
 */
export async function changeAndAudit<T>(
  deps: CoreDeps,
  actor: Actor,
  work: (
    tenant: TenantStore,
    audit: (action: string, target?: AuditTarget, details?: Record<string, unknown>) => void,
  ) => Promise<T>,
): Promise<T> {
  return deps.store.transaction(async (tx) => {
    const tenant = tx.forTenant(actor.tenantId);
    const events: AuditEvent[] = [];
    const now = deps.clock.now();
    const result = await work(tenant, (action, target, details) =>
      events.push(auditEvent(actor, now, action, target, details)),
    );
    if (events.length > 0) await tenant.audit.recordMany(events);
    return result;
  });
}
