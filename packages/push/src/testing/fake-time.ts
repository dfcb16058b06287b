import type { Clock, Sleep } from "../clock.js";

/** A clock tests move by hand, and a sleep that records what it was asked to wait and returns at once. */
export function fakeTime(start = Date.parse("2026-03-01T09:00:00Z")) {
  let now = start;
  const sleeps: number[] = [];
  const clock: Clock = { now: () => now };
  const sleep: Sleep = (ms) => {
    sleeps.push(ms);
    return Promise.resolve();
  };
  return {
    clock,
    sleep,
    sleeps,
    advance(ms: number) {
      now += ms;
    },
  };
}

export const MINUTE = 60_000;
