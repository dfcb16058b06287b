import type { ChannelTls } from "./channel-host.js";

/** What the relay's main process tells a push-channel worker over IPC. */
export type ToWorker =
  | { type: "start"; tls: ChannelTls; authorities: Array<{ serverId: string; pem: string }> }
  | { type: "authority"; serverId: string; pem: string }
  /** Comes with the device's socket as the IPC handle; `hello` is what the edge read ahead, base64. */
  | { type: "channel"; hello: string }
  /**
   * Devices by server, as [serverId, serials] groups; the answer lists the indices of those woken
   * here, counted through the groups in order.
   */
  | { type: "wake"; id: number; groups: Array<[string, string[]]> }
  | { type: "count"; id: number };

/** What a worker answers. */
export type FromWorker =
  | { type: "ready" }
  | { type: "woken"; id: number; indices: number[] }
  | { type: "counted"; id: number; connected: number }
  | { type: "refused"; reason: string; remoteAddress: string | undefined };

/** Set in a worker's environment: the process runs a push-channel worker, not what its command says. */
export const WORKER_ENVIRONMENT = "MERIDIAN_PUSH_CHANNEL_WORKER";
