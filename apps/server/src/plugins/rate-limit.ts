import { MeridianError } from "@meridian/core";

/**
 * A fixed-window counter per key, in memory. Enough for login throttling on one server process; a
 * cluster shares the limit through the bus when there is one.
 */
export class RateLimiter {
  private readonly windows = new Map<string, { start: number; count: number }>();

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Counts one attempt for `key`; throws a 429-kind error when the key is over its limit. */
  hit(key: string, what: string): void {
    const now = this.now();
    let window = this.windows.get(key);
    if (!window || now - window.start >= this.windowMs) {
      window = { start: now, count: 0 };
      this.windows.set(key, window);
      if (this.windows.size > 100_000) this.sweep(now);
    }
    window.count += 1;
    if (window.count > this.limit) {
      const retryAfterSeconds = Math.max(1, Math.ceil((window.start + this.windowMs - now) / 1000));
      throw new MeridianError("rate_limited", "too_many_attempts", `Too many ${what}; wait ${retryAfterSeconds} s and try again.`, { retryAfterSeconds });
    }
  }

  private sweep(now: number): void {
    for (const [key, window] of this.windows) if (now - window.start >= this.windowMs) this.windows.delete(key);
  }
}
