import { describe, expect, it } from "vitest";
import { isId, newId } from "./ids.js";

describe("newId", () => {
  it("makes version-7 UUIDs that sort in creation order, even within one millisecond", () => {
    const ids = Array.from({ length: 5000 }, () => newId(1_700_000_000_000));
    expect(ids.every(isId)).toBe(true);
    expect(ids.every((id) => id[14] === "7")).toBe(true);
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("never goes backwards when the clock does", () => {
    const later = newId(1_800_000_000_000);
    expect(newId(1_700_000_000_000) > later).toBe(true);
  });
});
