import { isIP } from "node:net";
import {
  constants,
  type IncomingHttpHeaders,
  type OutgoingHttpHeaders,
  type SessionOptions,
} from "node:http2";

/**
 * The link's wire contract. The server dials TLS to the relay and then is the HTTP/2 *server* on that
 * connection; the relay is the HTTP/2 client and opens one CONNECT stream per device connection.
 * A distinct ALPN identifier keeps a link from being mistaken for web traffic, and selects enrolment.
 */
export const DEFAULT_LINK_PORT = 3101;

export const LINK_ALPN = "meridian-link/1";
/** First contact without a client certificate: the server is the HTTP/2 client and sends one request. */
export const ENROL_ALPN = "meridian-enrol/1";

/**
 * TLS 1.3 suites for the link and enrolment, in the order both ends prefer. Node puts AES-256-GCM
 * first; AES-128-GCM costs less per byte and is as strong as the link needs (both ends are ours, and
 * device traffic inside the link is already under the device's own TLS). The others stay for peers
 * that lack AES hardware.
 */
export const LINK_CIPHERS = "TLS_AES_128_GCM_SHA256:TLS_AES_256_GCM_SHA384:TLS_CHACHA20_POLY1305_SHA256";

/** The relay's first request on a link: "you are accepted as this server"; streams follow it. */
export const ACCEPTED_PATH = "/meridian/link/accepted";
export const ENROL_PATH = "/meridian/enrol";
/** Never resolved or sent anywhere; HTTP/2 needs an authority for the session. */
export const LINK_AUTHORITY = "https://link.meridian.invalid";

export const Header = {
  serverId: "meridian-server-id",
  linkId: "meridian-link-id",
  deviceAddress: "meridian-device-address",
  devicePort: "meridian-device-port",
} as const;

/** GOAWAY code for a link the relay will not carry; the reason travels as JSON in the debug data. */
export const REFUSAL_GOAWAY_CODE = constants.NGHTTP2_INADEQUATE_SECURITY;

export interface FlowControl {
  /**
   * HTTP/2 stream window each side grants: the most one stream's receiver buffers when its consumer
   * stops reading (a slow device at the relay, a slow handler at the server). Default 256 KiB.
   */
  streamWindowBytes: number;
  /** The connection-wide window. Node returns it as data arrives, so it only bounds bytes in flight. */
  connectionWindowBytes: number;
  /** Device streams one link may carry at once (the server side announces it). */
  maxConcurrentStreams: number;
  /** Node's per-session memory ceiling (nghttp2 state and queued frames), in MiB. */
  maxSessionMemoryMiB: number;
}

export const DEFAULT_FLOW_CONTROL: FlowControl = {
  streamWindowBytes: 256 * 1024,
  connectionWindowBytes: 16 * 1024 * 1024,
  // Every connected device holds a stream (an idle agent waits on its long poll), so these bound how
  // many devices one link carries: 10,000 streams and 64 MiB stalled the ten-thousandth device.
  maxConcurrentStreams: 250_000,
  maxSessionMemoryMiB: 2048,
};

export function sessionOptions(flow: FlowControl): SessionOptions {
  return {
    settings: {
      initialWindowSize: flow.streamWindowBytes,
      maxConcurrentStreams: flow.maxConcurrentStreams,
      enablePush: false,
    },
    maxSessionMemory: flow.maxSessionMemoryMiB,
  };
}

export interface HeartbeatOptions {
  /** How often each side sends an HTTP/2 PING. Default 15 s. */
  intervalMs: number;
  /** A link that neither answers a PING nor sends anything else for this long is dead. Default 10 s. */
  timeoutMs: number;
}

export const DEFAULT_HEARTBEAT: HeartbeatOptions = { intervalMs: 15_000, timeoutMs: 10_000 };

/** What the relay tells the server about a device connection it carries. */
export interface DeviceStreamMeta {
  /** The TLS server name the device asked for (lower-case). */
  serverName: string;
  deviceAddress: string;
  devicePort: number;
}

export function streamRequestHeaders(meta: DeviceStreamMeta): OutgoingHttpHeaders {
  return {
    [constants.HTTP2_HEADER_METHOD]: constants.HTTP2_METHOD_CONNECT,
    [constants.HTTP2_HEADER_AUTHORITY]: `${meta.serverName}:443`,
    [Header.deviceAddress]: meta.deviceAddress,
    [Header.devicePort]: String(meta.devicePort),
  };
}

const HOST_NAME = /^[a-z0-9_](?:[a-z0-9_.-]{0,251}[a-z0-9_])?$/;

/** The stream's metadata, or undefined when the relay sent something this version does not understand. */
export function parseStreamRequest(headers: IncomingHttpHeaders): DeviceStreamMeta | undefined {
  const authority = headers[constants.HTTP2_HEADER_AUTHORITY];
  const address = headers[Header.deviceAddress];
  const port = Number(headers[Header.devicePort]);
  if (typeof authority !== "string" || typeof address !== "string") return undefined;
  const serverName = authority.replace(/:443$/, "");
  if (
    !HOST_NAME.test(serverName) ||
    isIP(address) === 0 ||
    !Number.isInteger(port) ||
    port < 0 ||
    port > 65_535
  )
    return undefined;
  return { serverName, deviceAddress: address, devicePort: port };
}

export interface Refusal {
  code: string;
  message: string;
}

export function encodeRefusal(refusal: Refusal): Buffer {
  return Buffer.from(JSON.stringify(refusal));
}

export function decodeRefusal(data: Buffer | undefined): Refusal | undefined {
  if (!data || data.length === 0) return undefined;
  try {
    const value = JSON.parse(data.toString("utf8")) as Partial<Refusal>;
    if (typeof value.code === "string" && typeof value.message === "string")
      return { code: value.code, message: value.message };
  } catch {
    // Not ours: fall through.
  }
  return { code: "unknown", message: data.toString("utf8").slice(0, 200) };
}
