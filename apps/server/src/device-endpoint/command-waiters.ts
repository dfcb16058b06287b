import type { CommandNotifier } from "@meridian/core";

/**
 * Devices that wait for their next command (a long poll) are woken here when one is queued for
 * them. In-process: each server process wakes the devices connected to it.
 */
export class CommandWaiters implements CommandNotifier {
  private readonly waiting = new Map<string, Set<() => void>>();
  private readonly listeners: CommandNotifier[] = [];

  /** Others to tell when commands are queued (such as the push gateway, later). */
  alsoNotify(listener: CommandNotifier): void {
    this.listeners.push(listener);
  }

  commandsQueued(tenantId: string, deviceIds: readonly string[]): void {
    for (const deviceId of deviceIds) {
      const wakers = this.waiting.get(`${tenantId}:${deviceId}`);
      if (wakers) for (const wake of [...wakers]) wake();
    }
    for (const listener of this.listeners) listener.commandsQueued(tenantId, deviceIds);
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
