import { describe, expect, it } from "vitest";
import { CommandWaiters } from "./command-waiters.js";

const nextTurn = () => new Promise((resolve) => setImmediate(resolve));

describe("CommandWaiters", () => {
  it("wakes a waiting device when a command is queued for it, and no other", async () => {
    const waiters = new CommandWaiters();
    let woken = "";
    void waiters.wait("t1", "d1", 60_000).then(() => (woken += "d1"));
    void waiters.wait("t2", "d1", 60_000).then(() => (woken += "t2d1"));
    waiters.commandsQueued("t1", ["d1"]);
    await nextTurn();
    expect(woken).toBe("d1");
    expect(waiters.waitingDevices).toBe(1);
  });

  it("wakes a whole fleet over several turns of the event loop, a bounded number per turn", async () => {
    const waiters = new CommandWaiters();
    const ids = Array.from({ length: 350 }, (_, i) => `d${i}`);
    let woken = 0;
    for (const id of ids) void waiters.wait("t", id, 60_000).then(() => woken++);
    const perTurn: number[] = [];
    waiters.commandsQueued("t", ids);
    for (let turn = 0; turn < 6 && woken < ids.length; turn++) {
      const before = woken;
      await nextTurn();
      perTurn.push(woken - before);
    }
    expect(woken).toBe(350);
    expect(perTurn.length).toBeGreaterThan(1);
    expect(Math.max(...perTurn)).toBeLessThanOrEqual(200);
    expect(waiters.waitingDevices).toBe(0);
  });

  it("ends a wait when the device hangs up or the time runs out, and a late wake-up is harmless", async () => {
    const waiters = new CommandWaiters();
    const gone = new AbortController();
    const hungUp = waiters.wait("t", "d1", 60_000, gone.signal);
    const timedOut = waiters.wait("t", "d2", 5);
    gone.abort();
    await Promise.all([hungUp, timedOut]);
    expect(waiters.waitingDevices).toBe(0);
    waiters.commandsQueued("t", ["d1", "d2"]);
    await nextTurn();
    expect(waiters.waitingDevices).toBe(0);
  });

  it("tells its listeners of every queued command, waiting devices or not", () => {
    const waiters = new CommandWaiters();
    const heard: string[][] = [];
    waiters.alsoNotify({ commandsQueued: (_tenant, ids) => heard.push([...ids]) });
    waiters.commandsQueued("t", ["d1", "d2"]);
    expect(heard).toEqual([["d1", "d2"]]);
  });
});
