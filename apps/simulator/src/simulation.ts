import { activateDevice, memoisedDerivation, type RelayContact } from "./agent/activate.js";
import { AgentDevice } from "./agent/agent-device.js";
import { androidProfile } from "./agent/device-profile.js";
import { DeviceHttpError } from "./agent/https-client.js";
import { servePushed } from "./agent/serve-pushed.js";

/** A server says "busy" while other devices are activating with the same password: wait a moment and ask again. */
async function retryWhileBusy<T>(work: () => Promise<T>, attempts = 50): Promise<T> {
  for (let i = 0; ; i++) {
    try {
      return await work();
    } catch (error) {
      if (i >= attempts || !(error instanceof DeviceHttpError && error.code === "activation_busy"))
        throw error;
      await new Promise((resolve) => setTimeout(resolve, 50 + Math.random() * 200));
    }
  }
}

export interface SimulationOptions {
  relay: RelayContact;
  email: string;
  password: string;
  platform: "android" | "ios" | "macos" | "windows";
  count: number;
  /** Devices activating at once. */
  concurrency: number;
  /** Keep the devices connected, answering commands, for this long; 0 to stop once all activated. */
  durationMs: number;
  onProgress?: (progress: SimulationProgress) => void;
  /** Run the password hardening once per password rather than once per device (load generation). */
  shareDerivation?: boolean;
  /**
   * How the devices learn of commands while they run: woken through the relay's own push channel, as
   * an agent with no vendor push service is (the default), or by waiting on a long poll.
   */
  wakeBy?: "relay-push" | "long-poll";
}

export interface SimulationProgress {
  activated: number;
  failed: number;
  commands: number;
  /** Push wake-ups the devices received. */
  wakes: number;
  lastError: string | undefined;
}

export interface SimulationResult extends SimulationProgress {
  activationSeconds: number;
  devices: AgentDevice[];
}

/**
 * Activates `count` simulated devices through the relay (a multi-use activation with a device limit
 * of at least `count` serves them all), each reporting its inventory; then, for `durationMs`, keeps
 * them fetching and carrying out commands, as a load generator.
 */
export async function runSimulation(
  options: SimulationOptions,
  signal?: AbortSignal,
): Promise<SimulationResult> {
  const progress: SimulationProgress = {
    activated: 0,
    failed: 0,
    commands: 0,
    wakes: 0,
    lastError: undefined,
  };
  const pushed = (options.wakeBy ?? "relay-push") === "relay-push";
  const devices: AgentDevice[] = [];
  let next = 0;
  const started = performance.now();
  const deriveScalars = options.shareDerivation ? memoisedDerivation() : undefined;
  const worker = async () => {
    while (next < options.count && !signal?.aborted) {
      const index = next++;
      try {
        const profile = androidProfile(index);
        const credentials = await retryWhileBusy(() =>
          activateDevice({
            ...(deriveScalars ? { deriveScalars } : {}),
            relay: options.relay,
            address: options.email,
            password: options.password,
            platform: options.platform,
            device: {
              name: `sim-${String(index + 1).padStart(5, "0")}`,
              manufacturer: profile.manufacturer,
              model: profile.model,
              osVersion: profile.osVersion,
              serialNumber: profile.serialNumber,
              imei: profile.imei,
              ownership: "corporate",
            },
          }),
        );
        const device = new AgentDevice(credentials, profile);
        await device.hello(pushed ? { service: "relay" } : undefined);
        await device.reportInventory();
        devices.push(device);
        progress.activated++;
      } catch (error) {
        progress.failed++;
        progress.lastError = error instanceof Error ? error.message : String(error);
      }
      options.onProgress?.(progress);
    }
  };
  await Promise.all(
    Array.from({ length: Math.max(1, Math.min(options.concurrency, options.count)) }, worker),
  );
  const activationSeconds = (performance.now() - started) / 1000;

  if (options.durationMs > 0 && !signal?.aborted) {
    const stop = new AbortController();
    const timer = setTimeout(() => stop.abort(), options.durationMs);
    signal?.addEventListener("abort", () => stop.abort(), { once: true });
    const noteError = (error: unknown) => {
      progress.lastError = error instanceof Error ? error.message : String(error);
    };
    await Promise.all(
      devices.map(async (device) => {
        const before = device.executed.length;
        if (pushed) {
          const wakes = await servePushed(device, options.relay, stop.signal, noteError);
          progress.wakes += wakes;
        } else
          await device
            .serve(stop.signal, Math.max(1, Math.min(25, Math.ceil(options.durationMs / 1000))))
            .catch(noteError);
        progress.commands += device.executed.length - before;
      }),
    );
    clearTimeout(timer);
  }
  return { ...progress, activationSeconds, devices };
}
