import { describe, expect, it } from "vitest";
import { durationInMinutes, positiveInteger } from "./arguments.js";

describe("option parsers", () => {
  it("reads durations in minutes, hours and days", () => {
    expect(durationInMinutes("30m")).toBe(30);
    expect(durationInMinutes("48h")).toBe(2880);
    expect(durationInMinutes("7D")).toBe(10_080);
    for (const bad of ["", "48", "1.5h", "2w", "0m", "-3h"])
      expect(() => durationInMinutes(bad), bad).toThrow();
  });

  it("reads positive whole numbers only", () => {
    expect(positiveInteger("12")).toBe(12);
    for (const bad of ["0", "-1", "1.5", "1e3", "ten", ""]) expect(() => positiveInteger(bad), bad).toThrow();
  });
});
