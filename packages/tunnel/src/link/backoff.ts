export interface BackoffOptions {
  /** The ceiling of the first retry's delay. Default 250 ms. */
  baseMs?: number;
  /** No delay ever exceeds this. Default 30 s. */
  capMs?: number;
  /**
   * A link that stayed up this long starts the backoff over; one dropped sooner counts as another
   * failure, so a relay or middlebox that accepts and then drops links is not hammered. Default 10 s.
   */
  resetAfterMs?: number;
}

export const DEFAULT_BACKOFF = { baseMs: 250, capMs: 30_000, resetAfterMs: 10_000 } as const;

/**
 * "Full jitter" (AWS Architecture Blog, "Exponential Backoff And Jitter"): a uniform draw between 0 and
 * the capped exponential ceiling. Many servers that lost the same relay at once then come back spread out
 * instead of in waves. `attempt` counts failures since the last good link, from 0.
 */
export function backoffDelay(attempt: number, options: BackoffOptions = {}, random = Math.random): number {
  const base = options.baseMs ?? DEFAULT_BACKOFF.baseMs;
  const cap = options.capMs ?? DEFAULT_BACKOFF.capMs;
  const ceiling = Math.min(cap, base * 2 ** Math.min(attempt, 30));
  return Math.floor(random() * ceiling);
}
