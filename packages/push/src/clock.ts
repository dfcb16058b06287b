/** Milliseconds since the epoch; injectable so tests can move time instead of waiting for it. */
export interface Clock {
  now(): number;
}

export const systemClock: Clock = { now: () => Date.now() };

export type Sleep = (ms: number) => Promise<void>;

export const realSleep: Sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** A number in [0, 1); injectable so jitter is repeatable in tests. */
export type Random = () => number;
