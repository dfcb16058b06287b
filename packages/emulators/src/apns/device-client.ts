import { once } from "node:events";
import { connect, type ClientHttp2Session, type ClientHttp2Stream } from "node:http2";
import { setTimeout as sleep } from "node:timers/promises";
import { backoffDelay, DEFAULT_BACKOFF, type BackoffOptions } from "@meridian/tunnel";
import { MAX_REGISTRATIONS_PER_CALL, MAX_TOKENS_PER_STREAM } from "./device-api-request.js";

/** A notification as the emulator hands it to a device; `payload` is the JSON exactly as pushed. */
export interface ApnsPush {
  token: string;
  topic: string;
  pushType: string;
  priority: string;
  id: string;
  payload: string;
}

/** A refusal from the device API (4xx): asking again unchanged would be refused again. */
export class ApnsDeviceApiError extends Error {
  constructor(
    readonly status: number,
    readonly reason: string,
    message: string,
  ) {
    super(message);
    this.name = "ApnsDeviceApiError";
  }
}

export interface ListenForPushesOptions {
  /** Called on every (re)connection once the emulator has subscribed all the tokens. */
  onConnected?: () => void;
  /** Called when a connection fails or drops, before the delay and the next attempt. */
  onDisconnected?: (error: unknown) => void;
  backoff?: BackoffOptions;
}

/** New device tokens for `topic`, in calls of at most 10,000 on one connection. */
export async function registerApnsDevices(
  url: string,
  ca: string,
  topic: string,
  count: number,
): Promise<string[]> {
  const session = await openSession(url, ca);
  try {
    const tokens: string[] = [];
    while (tokens.length < count) {
      const batch = Math.min(MAX_REGISTRATIONS_PER_CALL, count - tokens.length);
      const answer = await post(session, "/emulator/v1/devices", { topic, count: batch });
      tokens.push(...(answer as { tokens: string[] }).tokens);
    }
    return tokens;
  } finally {
    session.close();
  }
}

/**
 * Keeps the devices' connection to the emulator open until `signal` aborts, calling `onPush` for each
 * notification to any of `tokens`; more than 100,000 tokens are spread over several streams. A
 * connection that drops is made again after a growing, jittered delay (the tunnel's backoff, reset
 * once a connection has lasted), so many simulator processes do not all return at once. Settles when
 * `signal` aborts; rejects on a refusal (unknown tokens, say) or if `onPush` throws.
 */
export async function listenForPushes(
  url: string,
  ca: string,
  tokens: string[],
  onPush: (push: ApnsPush) => void,
  signal: AbortSignal,
  options: ListenForPushesOptions = {},
): Promise<void> {
  const stop = new AbortController();
  const onAbort = () => stop.abort();
  signal.addEventListener("abort", onAbort, { once: true });
  if (signal.aborted) stop.abort();
  const slices: string[][] = [];
  for (let start = 0; start < tokens.length; start += MAX_TOKENS_PER_STREAM)
    slices.push(tokens.slice(start, start + MAX_TOKENS_PER_STREAM));
  try {
    // One failing for good stops the others: the caller gets one answer for all its devices.
    await Promise.all(
      slices.map((slice) =>
        listenWithRetries(url, ca, slice, onPush, stop.signal, options).catch((error: unknown) => {
          stop.abort();
          throw error;
        }),
      ),
    );
  } finally {
    signal.removeEventListener("abort", onAbort);
  }
}

async function listenWithRetries(
  url: string,
  ca: string,
  tokens: string[],
  onPush: (push: ApnsPush) => void,
  signal: AbortSignal,
  options: ListenForPushesOptions,
): Promise<void> {
  const body = JSON.stringify({ tokens });
  const resetAfterMs = options.backoff?.resetAfterMs ?? DEFAULT_BACKOFF.resetAfterMs;
  let failures = 0;
  while (!signal.aborted) {
    const started = Date.now();
    try {
      await listenOnce(url, ca, body, onPush, signal, options.onConnected);
      if (signal.aborted) return;
      options.onDisconnected?.(new Error("The emulator ended the delivery stream."));
    } catch (error) {
      if (error instanceof ApnsDeviceApiError || error instanceof PushHandlerError) throw error;
      if (signal.aborted) return;
      options.onDisconnected?.(error);
    }
    if (Date.now() - started >= resetAfterMs) failures = 0;
    await sleep(backoffDelay(failures++, options.backoff), undefined, { signal }).catch(() => undefined);
  }
}

/** Wraps what `onPush` threw, so that it ends the listening instead of being taken for a dropped line. */
class PushHandlerError extends Error {}

/** One delivery stream, from request to end: settles when it ends, rejects when it fails. */
async function listenOnce(
  url: string,
  ca: string,
  body: string,
  onPush: (push: ApnsPush) => void,
  signal: AbortSignal,
  onConnected: (() => void) | undefined,
): Promise<void> {
  const session = await openSession(url, ca);
  const close = () => session.destroy();
  signal.addEventListener("abort", close, { once: true });
  try {
    const stream = session.request({ ":method": "POST", ":path": "/emulator/v1/deliveries" });
    stream.end(body);
    const status = await responseStatus(stream);
    if (status !== 200) throw await refusal(stream, status);
    onConnected?.();
    stream.setEncoding("utf8");
    let partial = "";
    await new Promise<void>((resolve, reject) => {
      stream.on("data", (text: string) => {
        const lines = (partial + text).split("\n");
        partial = lines.pop() ?? "";
        try {
          for (const line of lines) if (line) onPush(JSON.parse(line) as ApnsPush);
        } catch (error) {
          reject(new PushHandlerError("onPush failed", { cause: error }));
          close();
        }
      });
      stream.on("end", resolve);
      stream.on("close", resolve);
      stream.on("error", reject);
    });
  } finally {
    signal.removeEventListener("abort", close);
    close();
  }
}

async function openSession(url: string, ca: string): Promise<ClientHttp2Session> {
  const session = connect(url, { ca });
  session.on("error", () => {});
  try {
    await Promise.race([
      once(session, "connect"),
      once(session, "close").then(() => {
        throw new Error(`Could not connect to the APNs emulator at ${url}.`);
      }),
    ]);
  } catch (error) {
    session.destroy();
    throw error;
  }
  return session;
}

async function post(session: ClientHttp2Session, path: string, payload: object): Promise<unknown> {
  const stream = session.request({ ":method": "POST", ":path": path });
  stream.end(JSON.stringify(payload));
  const status = await responseStatus(stream);
  if (status !== 200) throw await refusal(stream, status);
  return JSON.parse(await readAll(stream)) as unknown;
}

/** The response's status; rejects if the stream fails or closes before answering. */
function responseStatus(stream: ClientHttp2Stream): Promise<number> {
  return new Promise((resolve, reject) => {
    stream.once("response", (headers) => resolve(Number(headers[":status"])));
    stream.once("error", reject);
    stream.once("close", () => reject(new Error("The delivery stream closed before any answer.")));
  });
}

async function refusal(stream: NodeJS.ReadableStream, status: number): Promise<Error> {
  const text = await readAll(stream).catch(() => "");
  let reason = "Unknown";
  let message = text || `The emulator answered ${status}.`;
  try {
    ({ reason, message } = JSON.parse(text) as { reason: string; message: string });
  } catch {
    // Not the device API's JSON: keep the raw text.
  }
  return status >= 400 && status < 500
    ? new ApnsDeviceApiError(status, reason, message)
    : new Error(`The emulator answered ${status} ${reason}: ${message}`);
}

async function readAll(stream: NodeJS.ReadableStream): Promise<string> {
  let text = "";
  for await (const chunk of stream) text += String(chunk);
  return text;
}
