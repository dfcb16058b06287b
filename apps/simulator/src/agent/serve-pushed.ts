import type { RelayContact } from "./activate.js";
import type { AgentDevice } from "./agent-device.js";
import { openPushChannel, type PushChannel } from "./push-channel.js";

const MAX_RECONNECT_DELAY_MS = 30_000;

/**
 * Keeps a device on the relay's own push channel until `signal` aborts, carrying out its commands
 * each time it is woken: no polling. Wake-ups that arrive while the device is busy are folded into
 * one more round. A lost channel is opened again after a random share of a doubling delay, and the
 * device then looks for commands at once, since a wake-up may have been missed meanwhile.
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

  let failures = 0;
  while (!signal.aborted && !device.wiped) {
    let channel: PushChannel | undefined;
    try {
      channel = await openPushChannel(relay, device.credentials, () => {
        wakes++;
        wake();
      });
      failures = 0;
      wake(); // Whatever was queued while the channel was down.
      const stop = () => channel?.close();
      signal.addEventListener("abort", stop, { once: true });
      await channel.closed;
      signal.removeEventListener("abort", stop);
    } catch (error) {
      onError(error);
    }
    if (signal.aborted) break;
    const ceiling = Math.min(MAX_RECONNECT_DELAY_MS, 500 * 2 ** failures++);
    await new Promise((resolve) => setTimeout(resolve, ceiling / 2 + Math.random() * (ceiling / 2)));
  }
  await running;
  return wakes;
}
