import type { CommandNotifier } from "@meridian/core";

/** How many waiting devices are answered in one turn of the event loop. */
const WAKES_PER_TURN = 100;

/**
 * Devices that wait for their next command (a long poll) are woken here when one is queued for
 * them. In-process: each server process wakes the devices connected to it.
 *
 * A bulk command wakes many devices at once, and each wake-up fetches the command and answers the
 * device. They are spread over turns of the event loop, a hundred at a time, so that a send to the
 * whole fleet never holds the loop for long: the relay link's heartbeats and other requests are
 * answered in between.
 */
export class CommandWaiters implements CommandNotifier {
  private readonly waiting = new Map<string, Set<() => void>>();
  private readonly listeners: CommandNotifier[] = [];
  private readonly toWake: Array<() => void> = [];
  private draining = false;

  /** Others to tell when commands are queued (such as the push gateway, later). */
  alsoNotify(listener: CommandNotifier): void {
    this.listeners.push(listener);
  }

  commandsQueued(tenantId: string, deviceIds: readonly string[]): void {
    for (const deviceId of deviceIds) {
      const wakers = this.waiting.get(`${tenantId}:${deviceId}`);
      if (wakers) this.toWake.push(...wakers);
    }
    if (this.toWake.length) this.drain();
    for (const listener of this.listeners) listener.commandsQueued(tenantId, deviceIds);
  }

  private drain(): void {
    if (this.draining) return;
    this.draining = true;
    const turn = () => {
      // A waiter already woken (its wait timed out, or it hung up) is a no-op when called again.
      for (const wake of this.toWake.splice(0, WAKES_PER_TURN)) wake();
      if (this.toWake.length) setImmediate(turn);
      else this.draining = false;
    };
    turn();
  }

  /** Resolves when a command is queued for the device, or after `ms`, or when `signal` aborts. */
  wait(tenantId: string, deviceId: string, ms: number, signal?: AbortSignal): Promise<void> {
    const key = `${tenantId}:${deviceId}`;
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        signal?.removeEventListener("abort", done);
        const set = this.waiting.get(key);
        set?.delete(done);
        if (set?.size === 0) this.waiting.delete(key);
        resolve();
      };
      const timer = setTimeout(done, ms);
      signal?.addEventListener("abort", done, { once: true });
      let set = this.waiting.get(key);
      if (!set) this.waiting.set(key, (set = new Set()));
      set.add(done);
    });
  }

  get waitingDevices(): number {
    return this.waiting.size;
  }
}
