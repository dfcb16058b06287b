import { describe, expect, it } from "vitest";
import { KeptPromises } from "./kept-promises.js";

describe("kept promises", () => {
  it("makes one per key for all callers, and forgets one that fails so the next call tries again", async () => {
    const kept = new KeptPromises<number>();
    let made = 0;
    const make = async () => ++made;
    expect(await Promise.all([kept.get("a", make), kept.get("a", make)])).toEqual([1, 1]);
    expect(made).toBe(1);

    let fail = true;
    const flaky = async () => {
      if (fail) throw new Error("not yet");
      return 7;
    };
    await expect(kept.get("b", flaky)).rejects.toThrow("not yet");
    await Promise.resolve();
    fail = false;
    expect(await kept.get("b", flaky)).toBe(7);
  });

  it("replaces what is kept, and a failure of the replaced one does not drop its successor", async () => {
    const kept = new KeptPromises<string>();
    let rejectOld!: (error: Error) => void;
    const old = kept.get("k", () => new Promise<string>((_, reject) => (rejectOld = reject)));
    const renewed = kept.replace("k", async () => "new");
    rejectOld(new Error("old one failed"));
    await expect(old).rejects.toThrow("old one failed");
    expect(kept.peek("k")).toBe(renewed);
    expect(await kept.get("k", async () => "unused")).toBe("new");
  });
});
