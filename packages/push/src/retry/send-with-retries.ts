import type { Random, Sleep } from "../clock.js";
import type { PushResult } from "../push-client.js";
import { backoffDelay, type RetryPolicy } from "./backoff.js";

/** A result before the loop adds how many attempts it took. */
type Final = PushResult extends infer R ? (R extends PushResult ? Omit<R, "attempts"> : never) : never;

/** What one request came to: final, or worth another try (after `retryAfterMs` if the service said). */
export type AttemptOutcome =
  { kind: "final"; result: Final } | { kind: "retry"; reason: string; retryAfterMs?: number };

export interface RetryContext {
  policy: RetryPolicy;
  sleep: Sleep;
  random: Random;
}

/**
 * Runs `attempt` until it gives a final outcome or the attempts run out; transient failures end as
 * `retry_later` so the caller's queue, not this loop, decides when to come back.
 */
export async function sendWithRetries(
  attempt: (attemptNumber: number) => Promise<AttemptOutcome>,
  { policy, sleep, random }: RetryContext,
  /** The first attempt's outcome, when the caller already made it. */
  first?: AttemptOutcome,
): Promise<PushResult> {
  for (let attempts = 1; ; attempts++) {
    const outcome = attempts === 1 && first ? first : await attempt(attempts);
    if (outcome.kind === "final") return { ...outcome.result, attempts } as PushResult;
    const { reason, retryAfterMs } = outcome;
    const tooLong = retryAfterMs !== undefined && retryAfterMs > policy.maxRetryAfterMs;
    if (attempts >= policy.maxAttempts || tooLong) {
      return retryAfterMs === undefined
        ? { status: "retry_later", reason, attempts }
        : { status: "retry_later", reason, retryAfterMs, attempts };
    }
    await sleep(Math.max(retryAfterMs ?? 0, backoffDelay(attempts, policy, random)));
  }
}
