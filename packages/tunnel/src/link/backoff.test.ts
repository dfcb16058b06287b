import { describe, expect, it } from "vitest";
import { backoffDelay } from "./backoff.js";

describe("backoff", () => {
  it("doubles its ceiling per attempt up to the cap", () => {
    const top = () => 0.999999;
    const ceilings = [0, 1, 2, 3, 4, 5, 6, 7, 8, 20, 1000].map((a) =>
      backoffDelay(a, { baseMs: 250, capMs: 30_000 }, top),
    );
    expect(ceilings).toEqual([249, 499, 999, 1999, 3999, 7999, 15999, 29999, 29999, 29999, 29999]);
  });

  it("draws uniformly from zero, so simultaneous retries spread out", () => {
    expect(backoffDelay(5, {}, () => 0)).toBe(0);
    const samples = Array.from({ length: 2000 }, () => backoffDelay(4));
    expect(Math.min(...samples)).toBeLessThan(400);
    expect(Math.max(...samples)).toBeGreaterThan(3600);
    expect(Math.max(...samples)).toBeLessThan(4000);
  });
});
