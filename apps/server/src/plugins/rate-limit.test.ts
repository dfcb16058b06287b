import { describe, expect, it } from "vitest";
import { RateLimiter } from "./rate-limit.js";

describe("rate limiter", () => {
  it("allows the limit, refuses the next with a retry time, and opens again with the next window", () => {
    let now = 0;
    const limiter = new RateLimiter(3, 60_000, () => now);
    for (let i = 0; i < 3; i++) limiter.hit("k", "tries");
    expect(() => limiter.hit("k", "tries")).toThrow(
      expect.objectContaining({ code: "too_many_attempts", retryAfterSeconds: 60 }),
    );
    expect(() => limiter.hit("other", "tries")).not.toThrow();
    now = 45_000;
    expect(() => limiter.check("k", "tries")).toThrow(expect.objectContaining({ retryAfterSeconds: 15 }));
    now = 60_000;
    expect(() => limiter.hit("k", "tries")).not.toThrow();
  });

  it("checks without counting, and records without refusing", () => {
    const limiter = new RateLimiter(2, 60_000, () => 0);
    limiter.check("k", "tries");
    limiter.check("k", "tries");
    limiter.record("k");
    limiter.record("k");
    expect(() => limiter.check("k", "tries")).toThrow();
  });
});
