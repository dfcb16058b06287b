/** An answer the emulator gives instead of the real one: a status, the service's reason, and Retry-After if any. */
export interface InjectedError {
  status: number;
  reason: string;
  retryAfterSeconds?: number;
}

export interface FaultSettings {
  /** Added before every answer. */
  latencyMs?: number;
  /** Share of requests (0..1) answered with `error` instead. */
  errorRate?: number;
  error?: InjectedError;
  /** Share of requests (0..1) whose connection is cut before any answer. */
  dropRate?: number;
}

export type FaultAction =
  | { kind: "error"; error: InjectedError }
  | { kind: "drop" }
  /** APNs only: GOAWAY on the request's connection, refusing the request. */
  | { kind: "goaway" };

/**
 * What goes wrong, and when: standing settings (latency, error and drop rates) for load and chaos
 * runs, and queued one-shot faults ("the next two requests get 503") for tests that must be exact.
 */
export class Faults {
  private settings: FaultSettings = {};
  private readonly queued: FaultAction[] = [];
  /** Faults applied so far, by kind. */
  readonly applied = { error: 0, drop: 0, goaway: 0 };

  constructor(private readonly random: () => number = Math.random) {}

  /** Replaces the standing settings; `{}` turns them off. */
  set(settings: FaultSettings): void {
    this.settings = { ...settings };
  }

  failNext(error: InjectedError, count = 1): void {
    for (let i = 0; i < count; i++) this.queued.push({ kind: "error", error });
  }

  dropNext(count = 1): void {
    for (let i = 0; i < count; i++) this.queued.push({ kind: "drop" });
  }

  goAwayNext(count = 1): void {
    for (let i = 0; i < count; i++) this.queued.push({ kind: "goaway" });
  }

  /** Clears both the settings and the queue. */
  reset(): void {
    this.settings = {};
    this.queued.length = 0;
  }

  get latencyMs(): number {
    return this.settings.latencyMs ?? 0;
  }

  /** The fault for the request now being answered, if any; consumes one queued fault. */
  take(): FaultAction | undefined {
    const action = this.queued.shift() ?? this.drawRandom();
    if (action) this.applied[action.kind]++;
    return action;
  }

  private drawRandom(): FaultAction | undefined {
    const { dropRate = 0, errorRate = 0, error } = this.settings;
    if (dropRate > 0 && this.random() < dropRate) return { kind: "drop" };
    if (error && errorRate > 0 && this.random() < errorRate) return { kind: "error", error };
    return undefined;
  }
}

/** Waits `ms` (or not at all), so a fault-free emulator never pays for a timer. */
export function delay(ms: number): Promise<void> | undefined {
  return ms > 0 ? new Promise((resolve) => setTimeout(resolve, ms)) : undefined;
}
