/** Milliseconds since the epoch; injectable so tests can age tokens without waiting. */
export interface Clock {
  now(): number;
}

export const systemClock: Clock = { now: () => Date.now() };
