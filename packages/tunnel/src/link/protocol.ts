import { isIP } from "node:net";
import { jsonObject } from "./mux/frames.js";
import type { GoawayReason } from "./mux/mux-session.js";

/**
 * The link's wire contract. The server dials TLS to the relay; on that connection the relay opens one
 * stream per device connection, in the link's own framing (decision 19, `mux/frames.ts`). A distinct
 * ALPN identifier keeps a link from being mistaken for web traffic, and selects enrolment.
 */
export const DEFAULT_LINK_PORT = 3101;

/** Version 2 is the link's own framing; version 1 (HTTP/2, decision 8) is no longer spoken. */
export const LINK_ALPN = "meridian-link/2";
/** First contact without a client certificate: the server is the HTTP/2 client and sends one request. */
export const ENROL_ALPN = "meridian-enrol/1";

/**
 * TLS 1.3 suites for the link and enrolment, in the order both ends prefer. Node puts AES-256-GCM
 * first; AES-128-GCM costs less per byte and is as strong as the link needs (both ends are ours, and
 * device traffic inside the link is already under the device's own TLS). The others stay for peers
 * that lack AES hardware.
 */
export const LINK_CIPHERS = "TLS_AES_128_GCM_SHA256:TLS_AES_256_GCM_SHA384:TLS_CHACHA20_POLY1305_SHA256";

export const ENROL_PATH = "/meridian/enrol";
/** Never resolved or sent anywhere; HTTP/2 (enrolment) needs an authority for the session. */
export const LINK_AUTHORITY = "https://link.meridian.invalid";

export interface FlowControl {
  /**
   * The stream window each side grants: the most one stream's receiver holds when its consumer stops
   * reading (a slow device at the relay, a slow handler at the server). Default 256 KiB.
   */
  streamWindowBytes: number;
  /**
   * The most a stream's window grows to when its consumer keeps up with a bulk transfer, and so the
   * most one stream's receiver can come to hold. Default 4 MiB.
   */
  maxStreamWindowBytes: number;
  /** Device streams one link may carry at once (the server announces it). */
  maxConcurrentStreams: number;
}

export const DEFAULT_FLOW_CONTROL: FlowControl = {
  streamWindowBytes: 256 * 1024,
  maxStreamWindowBytes: 4 * 1024 * 1024,
  // Every connected device holds a stream (an idle agent waits on its long poll), so this bounds how
  // many devices one link carries.
  maxConcurrentStreams: 250_000,
};

export interface HeartbeatOptions {
  /** How often each side sends a PING. Default 15 s. */
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

/** The OPEN frame's payload. */
export function encodeStreamMeta(meta: DeviceStreamMeta): Buffer {
  return Buffer.from(JSON.stringify(meta));
}

const HOST_NAME = /^[a-z0-9_](?:[a-z0-9_.-]{0,251}[a-z0-9_])?$/;

/** The stream's metadata, or undefined when the relay sent something this version does not understand. */
export function parseStreamMeta(payload: Buffer): DeviceStreamMeta | undefined {
  const { serverName, deviceAddress, devicePort } = jsonObject(payload) ?? {};
  if (
    typeof serverName !== "string" ||
    !HOST_NAME.test(serverName) ||
    typeof deviceAddress !== "string" ||
    isIP(deviceAddress) === 0 ||
    typeof devicePort !== "number" ||
    !Number.isInteger(devicePort) ||
    devicePort < 0 ||
    devicePort > 65_535
  )
    return undefined;
  return { serverName, deviceAddress, devicePort };
}

/** Why a link is refused or revoked; sent in GOAWAY. */
export type Refusal = GoawayReason;
