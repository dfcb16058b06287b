import type { RelayContact } from "../agent/activate.js";
import { AppleDevice } from "./apple-device.js";
import { AppleEnrollmentRefused } from "./enrol.js";
import type { ApplePlatform } from "./hardware.js";
import { sharedPushStream, type ApplePushListener } from "./push-listener.js";

export interface AppleSimulationOptions {
  relay: RelayContact;
  platform: ApplePlatform;
  count: number;
  email: string;
  password: string;
  /** Where the devices get APNs tokens and hear pushes. */
  push: ApplePushListener;
  /** Devices enrolling at once. */
  concurrency: number;
  /** Keep the enrolled devices answering pushes this long; 0 to stop once all are enrolled. */
  durationMs: number;
  onProgress?: (progress: AppleSimulationProgress) => void;
}

export interface AppleSimulationProgress {
  enrolled: number;
  failed: number;
  /** Commands answered, whatever the answer. */
  commands: number;
  /** Pushes that woke a device. */
  pushes: number;
  lastError: string | undefined;
}

export interface AppleSimulationResult extends AppleSimulationProgress {
  enrollmentSeconds: number;
  devices: AppleDevice[];
}

/** While other devices use the same activation, the server may ask this one to try again shortly. */
async function retryWhileBusy<T>(work: () => Promise<T>, attempts = 50): Promise<T> {
  for (let i = 0; ; i++) {
    try {
      return await work();
    } catch (error) {
      const busy = error instanceof AppleEnrollmentRefused && (error.status === 429 || error.status === 503);
      if (i >= attempts || !busy) throw error;
      await new Promise((resolve) => setTimeout(resolve, 50 + Math.random() * 200));
    }
  }
}

/**
 * Enrols `count` simulated iPhones or Macs through the relay with a multi-use activation, then keeps
 * them answering pushes for `durationMs`, as a load generator. All devices share one token
 * registration and one push stream (sharedPushStream) and sign their Idle polls once each, so that
 * the simulator's cost per device stays far below the server's.
 */
export async function runAppleSimulation(
  options: AppleSimulationOptions,
  signal?: AbortSignal,
): Promise<AppleSimulationResult> {
  const progress: AppleSimulationProgress = {
    enrolled: 0,
    failed: 0,
    commands: 0,
    pushes: 0,
    lastError: undefined,
  };
  const noteError = (error: unknown) => {
    progress.lastError = error instanceof Error ? error.message : String(error);
  };
  const listening = new AbortController();
  signal?.addEventListener("abort", () => listening.abort(), { once: true });
  const push = sharedPushStream(options.push, options.count, listening.signal, noteError);
  const devices: AppleDevice[] = [];
  let next = 0;
  const started = performance.now();
  const worker = async () => {
    while (next < options.count && !signal?.aborted) {
      const index = next++;
      try {
        const device = await retryWhileBusy(() =>
          AppleDevice.enrol({
            relay: options.relay,
            address: options.email,
            password: options.password,
            platform: options.platform,
            index,
            push,
            reuseIdleSignature: true,
            onPush: () => progress.pushes++,
            onCommand: () => {
              progress.commands++;
              options.onProgress?.(progress);
            },
            onError: noteError,
          }),
        );
        devices.push(device);
        progress.enrolled++;
      } catch (error) {
        progress.failed++;
        noteError(error);
      }
      options.onProgress?.(progress);
    }
  };
  await Promise.all(
    Array.from({ length: Math.max(1, Math.min(options.concurrency, options.count)) }, worker),
  );
  const enrollmentSeconds = (performance.now() - started) / 1000;

  if (options.durationMs > 0 && !signal?.aborted)
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, options.durationMs);
      signal?.addEventListener("abort", () => (clearTimeout(timer), resolve()), { once: true });
    });
  listening.abort();
  return { ...progress, enrollmentSeconds, devices };
}
