import type { Duplex } from "node:stream";
import type { TLSSocket } from "node:tls";
import type { HostPort } from "../address.js";
import { describeError, TunnelError } from "../errors.js";
import type { Proxy } from "../proxy/connect-tcp.js";
import { backoffDelay, DEFAULT_BACKOFF, type BackoffOptions } from "./backoff.js";
import { dialRelay, type Credentials } from "./dial-relay.js";
import { startHeartbeat } from "./heartbeat.js";
import { MuxSession } from "./mux/mux-session.js";
import type { MuxStream } from "./mux/mux-stream.js";
import {
  LINK_ALPN,
  parseStreamMeta,
  type DeviceStreamMeta,
  type FlowControl,
  type HeartbeatOptions,
} from "./protocol.js";
import type { RelayTrust } from "./relay-trust.js";

export interface IncomingStreamMeta extends DeviceStreamMeta {
  /** The relay address (as configured) whose link carried the stream. */
  relay: string;
}

/**
 * Receives each device connection the relay carries to this server, as a Duplex of the device's raw
 * bytes (TLS to be terminated here). The handler owns the stream: it must consume or destroy it.
 */
export type StreamHandler = (stream: Duplex, meta: IncomingStreamMeta) => void;

export interface RelayConnectionSettings {
  trust: RelayTrust;
  serverName: string | undefined;
  credentials: () => Credentials | undefined;
  proxy: Proxy | undefined;
  onStream: StreamHandler;
  heartbeat: HeartbeatOptions;
  backoff: BackoffOptions;
  connectTimeoutMs: number;
  flowControl: FlowControl;
}

export interface RelayConnectionEvents {
  connecting(attempt: number): void;
  up(serverId: string): void;
  down(reason: string, code: string | undefined, retryInMs: number): void;
}

interface LinkOutcome {
  reason: string;
  code: string | undefined;
  /** How long the link was up, or undefined when it never came up. */
  upMs: number | undefined;
}

/** One relay address: dial, serve the link until it ends, wait with backoff, dial again, until closed. */
export class RelayConnection {
  state: "connecting" | "up" | "waiting" | "closed" = "connecting";
  private closed = false;
  private readonly abort = new AbortController();
  /** The current link, and earlier ones still finishing their streams after the relay's GOAWAY. */
  private readonly sessions = new Set<MuxSession>();
  private wake: (() => void) | undefined;
  private readonly loop: Promise<void>;

  constructor(
    readonly relay: string,
    private readonly address: HostPort,
    private readonly settings: RelayConnectionSettings,
    private readonly events: RelayConnectionEvents,
  ) {
    this.loop = this.run();
  }

  async close(): Promise<void> {
    this.closed = true;
    this.state = "closed";
    this.abort.abort();
    this.wake?.();
    for (const session of this.sessions) session.destroy();
    await this.loop;
  }

  private async run(): Promise<void> {
    // Let the caller attach listeners before the first "connecting".
    await Promise.resolve();
    let failures = 0;
    while (!this.closed) {
      this.state = "connecting";
      this.events.connecting(failures + 1);
      let outcome: LinkOutcome;
      try {
        const socket = await dialRelay({
          relay: this.address,
          serverName: this.settings.serverName,
          trust: this.settings.trust,
          alpn: LINK_ALPN,
          credentials: this.settings.credentials(),
          proxy: this.settings.proxy,
          timeoutMs: this.settings.connectTimeoutMs,
          signal: this.abort.signal,
        });
        outcome = await this.serve(socket);
      } catch (error) {
        outcome = { reason: describeError(error), code: (error as TunnelError).code, upMs: undefined };
      }
      if (this.closed) break;
      // A link that held resets the backoff: the next failure waits at most the base delay.
      const resetAfterMs = this.settings.backoff.resetAfterMs ?? DEFAULT_BACKOFF.resetAfterMs;
      failures = outcome.upMs !== undefined && outcome.upMs >= resetAfterMs ? 1 : failures + 1;
      const delay = backoffDelay(failures - 1, this.settings.backoff);
      this.state = "waiting";
      this.events.down(outcome.reason, outcome.code, delay);
      await this.sleep(delay);
    }
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(resolve, ms);
      this.wake = () => {
        clearTimeout(timer);
        resolve();
      };
    });
  }

  /**
   * The server side of the link on the dialled socket; resolves when the link ends, saying why. A relay
   * that is draining (GOAWAY) ends the link for new streams at once, so a new link is dialled while
   * the old one finishes the device streams it carries.
   */
  private serve(socket: TLSSocket): Promise<LinkOutcome> {
    return new Promise((done) => {
      let settled = false;
      const resolve = (outcome: LinkOutcome) => {
        if (settled) return;
        settled = true;
        done(outcome);
      };
      if (this.closed) {
        socket.destroy();
        resolve({ reason: "closed", code: undefined, upMs: undefined });
        return;
      }
      let up = false;
      let upSince = 0;
      const upMs = () => (up ? performance.now() - upSince : undefined);
      let reason: string | undefined;
      let code: string | undefined;
      const { flowControl } = this.settings;
      const link = new MuxSession(socket, {
        role: "server",
        hello: { window: flowControl.streamWindowBytes, maxStreams: flowControl.maxConcurrentStreams },
        maxStreamWindow: flowControl.maxStreamWindowBytes,
      });
      this.sessions.add(link);

      const acceptance = setTimeout(() => {
        reason = `the relay did not accept the link within ${this.settings.connectTimeoutMs} ms`;
        link.destroy();
      }, this.settings.connectTimeoutMs);
      const stopHeartbeat = startHeartbeat(link, socket, this.settings.heartbeat, (why) => {
        reason = why;
        code = "heartbeat_timeout";
        link.destroy();
      });

      link.once("hello", (hello) => {
        up = true;
        upSince = performance.now();
        clearTimeout(acceptance);
        this.state = "up";
        this.events.up(hello.serverId ?? "");
      });
      link.on("stream", (stream, meta) => this.acceptStream(stream, meta));
      link.on("goaway", (refusal) => {
        if (refusal) {
          reason = `the relay refused the link: ${refusal.message}`;
          code = refusal.code === "unknown" ? "link_refused" : refusal.code;
        } else reason ??= "the relay is going away";
        if (up) resolve({ reason, code, upMs: upMs() });
      });
      link.on("error", (error) => (reason ??= error.message));
      socket.on("error", (error) => (reason ??= describeError(error)));
      link.once("close", () => {
        clearTimeout(acceptance);
        stopHeartbeat();
        this.sessions.delete(link);
        resolve({ reason: reason ?? "the relay closed the link", code, upMs: upMs() });
      });
    });
  }

  private acceptStream(stream: MuxStream, payload: Buffer): void {
    stream.on("error", () => {}); // Resets from either end surface to the handler as close.
    const meta = parseStreamMeta(payload);
    if (!meta) {
      stream.refuse();
      return;
    }
    try {
      this.settings.onStream(stream, { ...meta, relay: this.relay });
    } catch {
      stream.destroy(new Error("The stream handler failed."));
    }
  }
}
