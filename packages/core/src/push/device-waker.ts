import type { CommandNotifier } from "../commands/command.service.js";
import type { CoreDeps } from "../shared/context.js";
import type { DevicePushRegistration, WakeRequest, WakeSender } from "./device-push.js";
import { apnsScopeOf } from "./push-scopes.js";

export interface WakerOptions {
  /** How often queued wake-ups are sent, in ms: requests within it coalesce per device. */
  flushIntervalMs: number;
  /** Wake-ups per call to the gateway. */
  batchSize: number;
  /** A ceiling on wake-ups per second, so a send to 100,000 devices is spread out, not one burst. */
  maxPerSecond: number;
  /** How often the sweep looks for devices whose commands wait undelivered. */
  sweepIntervalMs: number;
  /** A command waits this long before the sweep pushes its device again; then twice as long each time, up to the maximum. */
  sweepAfterMs: number;
  sweepMaxBackoffMs: number;
}

export const WAKER_DEFAULTS: WakerOptions = {
  flushIntervalMs: 50,
  batchSize: 500,
  maxPerSecond: 5_000,
  sweepIntervalMs: 30_000,
  sweepAfterMs: 60_000,
  sweepMaxBackoffMs: 3_600_000,
};

/**
 * Wakes devices by push when commands are queued for them: one push per device however many
 * commands arrive together, sent in batches at a bounded rate, with invalid tokens marked so the
 * server stops pushing to them and shows why. A sweep pushes again, with backoff, to devices whose
 * commands stay undelivered (a push can be lost; a device can be off).
 */
export class DeviceWaker implements CommandNotifier {
  /** tenant → devices waiting for a push. A Set coalesces repeated requests. */
  private readonly queued = new Map<string, Set<string>>();
  private readonly backoff = new Map<string, { attempts: number; nextAt: number }>();
  private flushTimer: NodeJS.Timeout | undefined;
  private sweepTimer: NodeJS.Timeout | undefined;
  private flushing: Promise<void> | undefined;
  private stopped = false;
  readonly stats = { sent: 0, delivered: 0, invalid: 0, failed: 0, swept: 0 };

  constructor(
    private readonly deps: CoreDeps,
    private readonly sender: () => WakeSender | undefined,
    private readonly options: WakerOptions = WAKER_DEFAULTS,
    private readonly onError: (error: unknown) => void = () => undefined,
  ) {}

  start(): void {
    this.sweepTimer = setInterval(() => void this.sweep().catch(this.onError), this.options.sweepIntervalMs);
    this.sweepTimer.unref();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearInterval(this.sweepTimer);
    clearTimeout(this.flushTimer);
    await this.flushing;
  }

  commandsQueued(tenantId: string, deviceIds: readonly string[]): void {
    if (this.stopped) return;
    let set = this.queued.get(tenantId);
    if (!set) this.queued.set(tenantId, (set = new Set()));
    for (const id of deviceIds) set.add(id);
    this.schedule(this.options.flushIntervalMs);
  }

  /** Sends what is queued now (tests and shutdown); normally the timer does. */
  async flush(): Promise<void> {
    while (this.flushing) await this.flushing;
    this.flushing = this.flushOnce().finally(() => (this.flushing = undefined));
    await this.flushing;
  }

  private schedule(delayMs: number): void {
    if (this.flushTimer || this.stopped) return;
    this.flushTimer = setTimeout(() => {
      this.flushTimer = undefined;
      void this.flush().catch(this.onError);
    }, delayMs);
    this.flushTimer.unref();
  }

  private async flushOnce(): Promise<void> {
    const sender = this.sender();
    if (!sender) {
      // No gateway yet (the relay link is down): keep everything for when it is back.
      if (this.queued.size > 0) this.schedule(1_000);
      return;
    }
    const started = Date.now();
    let sentThisRound = 0;
    for (const [tenantId, set] of this.queued) {
      while (set.size > 0) {
        const batch: string[] = [];
        for (const id of set) {
          batch.push(id);
          set.delete(id);
          if (batch.length === this.options.batchSize) break;
        }
        await this.wakeBatch(sender, tenantId, batch);
        sentThisRound += batch.length;
        // Keep to the rate ceiling: sleep until this round's sends fit in it.
        const dueMs = (sentThisRound / this.options.maxPerSecond) * 1000 - (Date.now() - started);
        if (dueMs > 0) await new Promise((resolve) => setTimeout(resolve, dueMs));
        if (this.stopped) return;
      }
      this.queued.delete(tenantId);
    }
  }

  private async wakeBatch(sender: WakeSender, tenantId: string, deviceIds: string[]): Promise<void> {
    const store = this.deps.store.forTenant(tenantId);
    const registrations = await store.devicePush.listUsable(deviceIds);
    if (registrations.length === 0) return;
    let results;
    try {
      const scope = apnsScopeOf(tenantId);
      results = await sender.wake(registrations.map((r) => toRequest(r, scope)));
    } catch (error) {
      // The gateway could not be reached: the sweep will try these devices again.
      this.stats.failed += registrations.length;
      this.onError(error);
      return;
    }
    const now = this.deps.clock.now();
    this.stats.sent += registrations.length;
    await store.devicePush.markPushed(
      registrations.map((r) => r.deviceId),
      now,
    );
    for (const [i, result] of results.entries()) {
      const registration = registrations[i]!;
      if (result.status === "delivered") this.stats.delivered++;
      else if (result.status === "token_invalid") {
        this.stats.invalid++;
        await store.devicePush.markInvalid(
          registration.deviceId,
          registration.token,
          result.reason ?? "invalid",
          now,
        );
      } else this.stats.failed++;
    }
  }

  /** Devices with commands waiting longer than their backoff get pushed again. */
  async sweep(): Promise<number> {
    const now = this.deps.clock.now();
    let swept = 0;
    const stillWaiting = new Set<string>();
    for (const tenant of await this.deps.store.tenants.list()) {
      const store = this.deps.store.forTenant(tenant.id);
      const waiting = await store.commands.devicesWithOpenCommands(now - this.options.sweepAfterMs, 10_000);
      const due: string[] = [];
      for (const deviceId of waiting) {
        stillWaiting.add(deviceId);
        const state = this.backoff.get(deviceId) ?? { attempts: 0, nextAt: 0 };
        if (state.nextAt > now) continue;
        state.attempts++;
        const delay = Math.min(
          this.options.sweepAfterMs * 2 ** state.attempts,
          this.options.sweepMaxBackoffMs,
        );
        state.nextAt = now + delay;
        this.backoff.set(deviceId, state);
        due.push(deviceId);
      }
      if (due.length > 0) this.commandsQueued(tenant.id, due);
      swept += due.length;
    }
    // A device whose commands were all answered starts afresh next time.
    for (const deviceId of this.backoff.keys())
      if (!stillWaiting.has(deviceId)) this.backoff.delete(deviceId);
    this.stats.swept += swept;
    return swept;
  }
}

/** An APNs wake-up names its tenant, so the relay uses that tenant's own certificate when it has one. */
function toRequest(registration: DevicePushRegistration, scope: string): WakeRequest {
  return {
    service: registration.service,
    token: registration.token,
    ...(registration.pushMagic ? { pushMagic: registration.pushMagic } : {}),
    ...(scope && registration.service === "apns" ? { scope } : {}),
  };
}
