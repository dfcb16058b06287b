import { systemActor } from "../access/actor.js";
import type { CommandService } from "../commands/command.service.js";
import type { CoreDeps } from "../shared/context.js";
import type { AppleEnrollmentOptions } from "./apple-enrollment.service.js";

/** What one sweep did, per tenant that had renewals due. */
export interface RenewalSweepResult {
  queued: number;
  batches: Array<{ tenantId: string; batchId: string; devices: number }>;
}

/**
 * Apple devices do not renew their MDM identity on their own: the server must send them a fresh
 * enrollment profile before the identity ends. This sweep finds, per tenant in one query, the
 * enrolled devices whose identity ends within the renewal window and that have no renewal on its
 * way, and queues renew_identity for them as one bulk send (audited as a system action, pushed as
 * every send is). A renewal that failed or expired is no longer open, so the next sweep tries again.
 */
export class IdentityRenewalService {
  constructor(
    private readonly deps: CoreDeps,
    private readonly commands: CommandService,
    private readonly options: Pick<AppleEnrollmentOptions, "renewalWindowMs" | "renewalsPerSweep">,
  ) {}

  async queueDue(): Promise<RenewalSweepResult> {
    const expiringBefore = this.deps.clock.now() + this.options.renewalWindowMs;
    const result: RenewalSweepResult = { queued: 0, batches: [] };
    for (const tenant of await this.deps.store.tenants.list()) {
      const due = await this.deps.store
        .forTenant(tenant.id)
        .appleEnrollments.dueForRenewal(expiringBefore, this.options.renewalsPerSweep);
      if (due.length === 0) continue;
      const { batchId, queued } = await this.commands.sendToMany(
        systemActor(tenant.id, "Identity renewal", []),
        { type: "renew_identity", deviceIds: due },
      );
      result.queued += queued;
      result.batches.push({ tenantId: tenant.id, batchId, devices: queued });
    }
    return result;
  }
}
