import type { ApnsEmulator } from "@meridian/emulators";

/** A push as a device receives it: the token it was sent to, and the JSON payload as sent. */
export type OnApplePush = (token: string, payload: string) => void;

/**
 * How simulated Apple devices get their APNs tokens and hear their pushes: the stand-in for the
 * connection a real device keeps to Apple. The emulator may be in this process (tests) or another
 * (meridian sim, through its device API).
 */
export interface ApplePushListener {
  /** `count` new device tokens for `topic` (the MDM push certificate's topic). */
  register(topic: string, count: number): Promise<string[]>;
  /**
   * Calls `onPush` for each push to `tokens` until `signal` aborts; settles once listening. A failure
   * after that (the emulator gone for good) goes to `onError`.
   */
  listen(
    tokens: string[],
    onPush: OnApplePush,
    signal: AbortSignal,
    onError?: (error: unknown) => void,
  ): Promise<void>;
}

/** The emulator in this process: tokens from its registry, pushes from its delivery hub. */
export function inProcessPushListener(emulator: ApnsEmulator): ApplePushListener {
  return {
    register: async (topic, count) => Array.from({ length: count }, () => emulator.registerDevice(topic)),
    listen: async (tokens, onPush, signal) => {
      if (signal.aborted) return;
      const unsubscribes = tokens.map((token) =>
        emulator.deliveries.subscribe(token, (delivery) => onPush(delivery.token, delivery.payload)),
      );
      signal.addEventListener("abort", () => unsubscribes.forEach((unsubscribe) => unsubscribe()), {
        once: true,
      });
    },
  };
}

/**
 * Many devices, one registration call and one push stream: the first device to ask for a token makes
 * the stream for all `count` of them, and each device's handler is found by its token. What a load
 * generator needs so that its own footprint stays small beside the server's.
 */
export function sharedPushStream(
  underlying: ApplePushListener,
  count: number,
  signal: AbortSignal,
  onError: (error: unknown) => void = () => undefined,
): ApplePushListener {
  const handlers = new Map<string, OnApplePush>();
  let ready: Promise<string[]> | undefined;
  const spare: string[] = [];
  const open = async (topic: string) => {
    const tokens = await underlying.register(topic, count);
    spare.push(...tokens);
    await underlying.listen(
      tokens,
      (token, payload) => handlers.get(token)?.(token, payload),
      signal,
      onError,
    );
    return tokens;
  };
  return {
    register: async (topic, wanted) => {
      ready ??= open(topic);
      await ready;
      if (spare.length < wanted) throw new Error(`Only ${count} push tokens were registered for this run.`);
      return spare.splice(0, wanted);
    },
    listen: async (tokens, onPush, deviceSignal) => {
      for (const token of tokens) handlers.set(token, onPush);
      deviceSignal.addEventListener("abort", () => tokens.forEach((token) => handlers.delete(token)), {
        once: true,
      });
    },
  };
}
