import { describe, expect, it } from "vitest";
import { coalescedTask, coalescedTasksByKey } from "./coalesced-task.js";

const tick = () => new Promise((resolve) => setTimeout(resolve, 5));

describe("coalesced tasks", () => {
  it("runs once more after a burst of requests, and never twice at a time", async () => {
    let runs = 0;
    let concurrent = 0;
    let maxConcurrent = 0;
    let seen = 0;
    let value = 0;
    const trigger = coalescedTask(
      async () => {
        runs++;
        maxConcurrent = Math.max(maxConcurrent, ++concurrent);
        await tick();
        seen = value;
        concurrent--;
      },
      () => undefined,
    );
    for (let i = 1; i <= 50; i++) {
      value = i;
      trigger();
    }
    await tick();
    await tick();
    await tick();
    expect(runs).toBe(2);
    expect(maxConcurrent).toBe(1);
    expect(seen).toBe(50);
  });

  it("keeps going after a failed run and reports the failure", async () => {
    const errors: unknown[] = [];
    let runs = 0;
    const trigger = coalescedTask(
      async () => {
        runs++;
        if (runs === 1) throw new Error("relay away");
      },
      (error) => errors.push(error),
    );
    trigger();
    await tick();
    trigger();
    await tick();
    expect(runs).toBe(2);
    expect(errors).toHaveLength(1);
  });

  it("queues each key on its own", async () => {
    const done: string[] = [];
    const trigger = coalescedTasksByKey<string>(
      async (key) => {
        await tick();
        done.push(key);
      },
      () => undefined,
    );
    trigger("a");
    trigger("b");
    trigger("a");
    await tick();
    await tick();
    await tick();
    expect(done.sort()).toEqual(["a", "a", "b"]);
  });
});
