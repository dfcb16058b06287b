import { backoffDelay } from "@meridian/tunnel";
import type { RelayContact } from "./activate.js";
import type { AgentDevice } from "./agent-device.js";
import { openPushChannel } from "./push-channel.js";

/**
 * Keeps a device on the relay's own push channel until `signal` aborts, carrying out its commands
 * each time it is woken: no polling. Wake-ups that arrive while the device is busy are folded into
 * one more round. The channel redials by itself when it drops, and the device looks for commands on
 * every connection, since a wake-up may have been missed meanwhile; only a channel that could not be
 * opened, or that the relay refused, is opened again here, after a backoff.
 * Returns the number of wake-ups received.
 */
export async function servePushed(
  device: AgentDevice,
  relay: RelayContact,
  signal: AbortSignal,
  onError: (error: unknown) => void = () => undefined,
): Promise<number> {
  let wakes = 0;
  let running: Promise<void> | undefined;
  let again = false;
  const wake = () => {
    if (running) {
      again = true;
      return;
    }
    running = (async () => {
      do {
        again = false;
        await device.wake().catch(onError);
      } while (again && !signal.aborted);
      running = undefined;
    })();
  };

  for (let failures = 0; !signal.aborted && !device.wiped; failures++) {
    try {
      const channel = await openPushChannel(
        relay,
        device.credentials,
        () => {
          wakes++;
          wake();
        },
        wake,
      );
      failures = 0;
      if (signal.aborted) channel.close();
      const stop = () => channel.close();
      signal.addEventListener("abort", stop, { once: true });
      await channel.closed;
      signal.removeEventListener("abort", stop);
    } catch (error) {
      onError(error);
    }
    if (!signal.aborted) await new Promise((resolve) => setTimeout(resolve, backoffDelay(failures)));
  }
  await running;
  return wakes;
}
