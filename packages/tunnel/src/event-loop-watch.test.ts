import { describe, expect, it } from "vitest";
import { watchEventLoop } from "./event-loop-watch.js";

const busy = (ms: number) => {
  const until = performance.now() + ms;
  while (performance.now() < until);
};

describe("watchEventLoop", () => {
  it("reports a stall longer than the threshold, with about how long it lasted", async () => {
    const stalls: number[] = [];
    const stop = watchEventLoop((ms) => stalls.push(ms), 200);
    await new Promise((resolve) => setTimeout(resolve, 600));
    expect(stalls).toEqual([]);
    busy(800);
    await new Promise((resolve) => setTimeout(resolve, 100));
    stop();
    expect(stalls).toHaveLength(1);
    expect(stalls[0]).toBeGreaterThanOrEqual(200);
    expect(stalls[0]).toBeLessThan(1_300);
  });
});
