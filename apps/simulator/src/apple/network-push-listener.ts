import { listenForPushes, registerApnsDevices } from "@meridian/emulators";
import type { ApplePushListener } from "./push-listener.js";

/**
 * The APNs emulator in another process, through its device API: tokens from POST /emulator/v1/devices,
 * pushes from one NDJSON stream (POST /emulator/v1/deliveries) that reconnects by itself.
 */
export function networkPushListener(url: string, ca: string): ApplePushListener {
  return {
    register: (topic, count) => registerApnsDevices(url, ca, topic, count),
    listen: (tokens, onPush, signal, onError) =>
      new Promise<void>((resolve, reject) => {
        let connected = false;
        listenForPushes(url, ca, tokens, (push) => onPush(push.token, push.payload), signal, {
          onConnected: () => {
            connected = true;
            resolve();
          },
        }).then(resolve, (error: unknown) => {
          if (connected) onError?.(error);
          else reject(error as Error);
        });
      }),
  };
}
