import { constants, type IncomingHttpHeaders, type ServerHttp2Stream } from "node:http2";
import type { DeliveryListener } from "../delivery-hub.js";
import type { ApnsDelivery } from "./apns-emulator.js";
import {
  MAX_DEVICE_API_BODY,
  parseRegistration,
  parseSubscription,
  type DeviceApiError,
} from "./device-api-request.js";

/**
 * The device side of the emulator, the stand-in for the persistent connection a real device keeps
 * to Apple, for simulated devices in other processes:
 *
 *   POST /emulator/v1/devices     {"topic","count"}  → {"tokens":[...]}
 *   POST /emulator/v1/deliveries  {"tokens":[...]}   → NDJSON, one line per notification, until closed
 *
 * Authentication: none. This is a test tool on loopback, and real devices authenticate to Apple with
 * their own identity on another service, never with a provider's. To keep the two apart, these
 * routes live outside APNs' /3/ namespace; a request that carries provider credentials is refused
 * (a misdirected provider call fails loudly instead of being half-honoured); and device calls never
 * authenticate a connection for provider pushes, draw no injected faults, and are not counted in
 * the provider statistics.
 */
export const DEVICE_API_PREFIX = "/emulator/";

export interface DeviceApiBackend {
  register(topic: string): string;
  /** Whether a stream may listen for `token` (registered, or any token with acceptUnknownDevices). */
  isKnown(token: string): boolean;
  connect(tokens: Iterable<string>, listener: DeliveryListener<ApnsDelivery>): () => void;
}

/**
 * A reader that does not keep up must not grow the emulator's memory without bound; past this much
 * unsent output its stream is reset, as Apple drops a device whose connection stalls.
 */
const MAX_UNSENT_BYTES = 16 * 1024 * 1024;

const ROUTES: Record<string, (body: string, stream: ServerHttp2Stream, backend: DeviceApiBackend) => void> = {
  "/emulator/v1/devices": registerDevices,
  "/emulator/v1/deliveries": streamDeliveries,
};

export function handleDeviceApi(
  stream: ServerHttp2Stream,
  headers: IncomingHttpHeaders,
  backend: DeviceApiBackend,
): void {
  stream.on("error", () => {});
  const path = String(headers[":path"] ?? "").split("?")[0] ?? "";
  const route = ROUTES[path];
  let refusal: DeviceApiError | undefined;
  if (!route) refusal = { status: 404, reason: "NotFound", message: `No device API at ${path}.` };
  else if (headers[":method"] !== "POST")
    refusal = { status: 405, reason: "MethodNotAllowed", message: `${path} takes POST.` };
  else if (headers.authorization !== undefined)
    refusal = {
      status: 400,
      reason: "ProviderCredentialsNotAccepted",
      message: "The device API takes no credentials; provider pushes go to /3/device/<token>.",
    };
  if (refusal || !route) return answerOnceRead(stream, refusal!);

  const chunks: Buffer[] = [];
  let size = 0;
  stream.on("data", (chunk: Buffer) => {
    size += chunk.length;
    if (size <= MAX_DEVICE_API_BODY) chunks.push(chunk);
  });
  stream.on("end", () => {
    if (size > MAX_DEVICE_API_BODY)
      return answer(stream, {
        status: 413,
        reason: "PayloadTooLarge",
        message: `The body is over ${MAX_DEVICE_API_BODY} bytes.`,
      });
    route(Buffer.concat(chunks).toString("utf8"), stream, backend);
  });
}

function registerDevices(body: string, stream: ServerHttp2Stream, backend: DeviceApiBackend): void {
  const request = parseRegistration(body);
  if ("status" in request) return answer(stream, request);
  const tokens = Array.from({ length: request.count }, () => backend.register(request.topic));
  answer(stream, { status: 200, body: { tokens } });
}

function streamDeliveries(body: string, stream: ServerHttp2Stream, backend: DeviceApiBackend): void {
  const request = parseSubscription(body, (token) => backend.isKnown(token));
  if ("status" in request) return answer(stream, request);
  if (stream.destroyed || stream.closed) return;
  // Headers go first, so the client knows its devices are connected before any notification.
  stream.respond({ ":status": 200, "content-type": "application/x-ndjson" });
  const disconnect = backend.connect(request.tokens, (delivery) => {
    if (stream.destroyed || stream.closed) return;
    if (stream.writableLength > MAX_UNSENT_BYTES)
      return void stream.close(constants.NGHTTP2_ENHANCE_YOUR_CALM);
    const { token, topic, pushType, priority, id, payload } = delivery;
    stream.write(`${JSON.stringify({ token, topic, pushType, priority, id, payload })}\n`);
  });
  stream.once("close", disconnect);
}

/** Answers only after the request body is in, so the client is not cut off while still sending. */
function answerOnceRead(stream: ServerHttp2Stream, error: DeviceApiError): void {
  stream.resume();
  stream.on("end", () => answer(stream, error));
}

function answer(stream: ServerHttp2Stream, result: DeviceApiError | { status: 200; body: object }): void {
  if (stream.destroyed || stream.closed) return;
  const headers: Record<string, string | number> = {
    ":status": result.status,
    "content-type": "application/json; charset=utf-8",
  };
  if (result.status === 405) headers.allow = "POST";
  stream.respond(headers);
  if ("body" in result) return void stream.end(JSON.stringify(result.body));
  const { status: _status, ...error } = result;
  stream.end(JSON.stringify(error));
}
