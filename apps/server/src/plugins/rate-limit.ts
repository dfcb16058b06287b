import { MeridianError } from "@meridian/core";

interface Window {
  start: number;
  count: number;
}

/**
 * A fixed-window counter per key, in memory. Enough for sign-in throttling on one server process; a
 * cluster shares the limit through the bus when there is one.
 */
export class RateLimiter {
  private readonly windows = new Map<string, Window>();

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Counts one attempt and refuses it when it goes over the limit. */
  hit(key: string, what: string): void {
    this.record(key);
    if (this.current(key).count > this.limit) this.refuse(key, what);
  }

  /** Refuses when the key has no attempts left, without counting one. */
  check(key: string, what: string): void {
    if (this.current(key).count >= this.limit) this.refuse(key, what);
  }

  /** Counts one attempt, such as a failed password, without refusing anything now. */
  record(key: string): void {
    this.current(key).count += 1;
  }

  private refuse(key: string, what: string): never {
    const retryAfterSeconds = Math.max(
      1,
      Math.ceil((this.current(key).start + this.windowMs - this.now()) / 1000),
    );
    throw new MeridianError(
      "rate_limited",
      "too_many_attempts",
      `Too many ${what}; wait ${retryAfterSeconds} s and try again.`,
      { retryAfterSeconds },
    );
  }

  private current(key: string): Window {
    const now = this.now();
    let window = this.windows.get(key);
    if (!window || now - window.start >= this.windowMs) {
      window = { start: now, count: 0 };
      this.windows.set(key, window);
      if (this.windows.size > 100_000) this.sweep(now);
    }
    return window;
  }

  private sweep(now: number): void {
    for (const [key, window] of this.windows)
      if (now - window.start >= this.windowMs) this.windows.delete(key);
  }
}
