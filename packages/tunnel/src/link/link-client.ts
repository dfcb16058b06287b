import { EventEmitter } from "node:events";
import { parseHostPort } from "../address.js";
import { parseProxyUrl } from "../proxy/connect-tcp.js";
import { DEFAULT_BACKOFF, type BackoffOptions } from "./backoff.js";
import type { Credentials } from "./dial-relay.js";
import {
  DEFAULT_FLOW_CONTROL,
  DEFAULT_HEARTBEAT,
  DEFAULT_LINK_PORT,
  type FlowControl,
  type HeartbeatOptions,
} from "./protocol.js";
import { RelayConnection, type StreamHandler } from "./relay-connection.js";
import type { RelayTrust } from "./relay-trust.js";

export interface LinkClientOptions {
  /** Relay link addresses ("host:port", port 3101 by default); one link is held to each. */
  relays: string[];
  trust: RelayTrust;
  /** The name the relay certificates carry, when it differs from the host dialled. */
  serverName?: string;
  /**
   * The server's client certificate (from enrolment); a function is asked again before every dial, so
   * a renewed certificate takes effect on the next link. Without one the relay refuses the link.
   */
  credentials?: Credentials | (() => Credentials | undefined);
  /** socks5://host:port or http://host:port. */
  proxy?: string;
  onStream: StreamHandler;
  heartbeat?: Partial<HeartbeatOptions>;
  backoff?: BackoffOptions;
  /** TCP, proxy, TLS and the relay's acceptance together. Default 15 s. */
  connectTimeoutMs?: number;
  flowControl?: Partial<FlowControl>;
}

export interface LinkClientEvents {
  connecting: [{ relay: string; attempt: number }];
  /** `serverId` is the identity the relay accepted this server as. */
  up: [{ relay: string; serverId: string }];
  /** A link ended or a dial failed; the next attempt starts after `retryInMs`. */
  down: [{ relay: string; reason: string; code: string | undefined; retryInMs: number }];
}

export type LinkState = RelayConnection["state"];

/**
 * The server side of the outbound link: holds a link to every configured relay, redialling each with
 * capped, jittered exponential backoff, and hands every device stream the relays open to `onStream`.
 */
export class LinkClient extends EventEmitter<LinkClientEvents> {
  private readonly connections: RelayConnection[] = [];
  private started = false;

  constructor(private readonly options: LinkClientOptions) {
    super();
    if (options.relays.length === 0) throw new Error("A link client needs at least one relay address.");
    // Validate now, so a typo fails at start-up instead of on every dial.
    for (const relay of options.relays) parseHostPort(relay, DEFAULT_LINK_PORT);
    if (options.proxy) parseProxyUrl(options.proxy);
  }

  start(): this {
    if (this.started) return this;
    this.started = true;
    const { options } = this;
    const credentials =
      typeof options.credentials === "function"
        ? options.credentials
        : () => options.credentials as Credentials;
    const settings = {
      trust: options.trust,
      serverName: options.serverName,
      credentials,
      proxy: options.proxy ? parseProxyUrl(options.proxy) : undefined,
      onStream: options.onStream,
      heartbeat: { ...DEFAULT_HEARTBEAT, ...options.heartbeat },
      backoff: { ...DEFAULT_BACKOFF, ...options.backoff },
      connectTimeoutMs: options.connectTimeoutMs ?? 15_000,
      flowControl: { ...DEFAULT_FLOW_CONTROL, ...options.flowControl },
    };
    for (const relay of options.relays) {
      const connection = new RelayConnection(relay, parseHostPort(relay, DEFAULT_LINK_PORT), settings, {
        connecting: (attempt) => this.emit("connecting", { relay, attempt }),
        up: (serverId) => this.emit("up", { relay, serverId }),
        down: (reason, code, retryInMs) => this.emit("down", { relay, reason, code, retryInMs }),
      });
      this.connections.push(connection);
    }
    return this;
  }

  /** Each relay's link: "up", "connecting", "waiting" (to redial) or "closed". */
  get states(): Array<{ relay: string; state: LinkState }> {
    return this.connections.map((c) => ({ relay: c.relay, state: c.state }));
  }

  /** Ends every link and stops redialling. Device streams in progress are cut. */
  async close(): Promise<void> {
    await Promise.all(this.connections.map((c) => c.close()));
  }
}
