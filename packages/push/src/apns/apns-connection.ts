import { once } from "node:events";
import { isIP } from "node:net";
import { connect, type ConnectionOptions, type TLSSocket } from "node:tls";
import { describeError, PushError } from "../errors.js";
import { ClientConnection, type Http2Response, type RequestHeaders } from "../http2/index.js";

export type { Http2Response } from "../http2/index.js";

export interface ApnsConnectionOptions {
  /** https://api.push.apple.com, the sandbox host, or an emulator's URL. */
  origin: string;
  /** The client certificate (certificate authentication) and any extra trust anchors (an emulator's CA). */
  tls: ConnectionOptions;
  connectTimeoutMs: number;
  requestTimeoutMs: number;
}

/** A PING goes out after this long without a word from APNs. */
const PING_AFTER_IDLE_MS = 60_000;
/** A connection whose PING is not answered within this long is replaced. */
const PING_TIMEOUT_MS = 10_000;

/**
 * Values that change with every notification: HPACK literals that stay out of the dynamic table, so
 * that the ones that repeat (authorization, apns-topic, the push type) keep their one-octet index.
 */
const UNINDEXED = new Set([":path", "apns-id", "apns-expiration", "apns-collapse-id"]);

/**
 * One HTTP/2 connection to APNs for one credential, on our own framing over node:tls (decision
 * 0012). It is replaced when APNs sends GOAWAY, the socket drops, a PING goes unanswered or the
 * stream ids run out; streams already open on the old connection finish there. Requests beyond the
 * peer's SETTINGS_MAX_CONCURRENT_STREAMS wait in the connection, which follows the limit as APNs
 * changes it (one until a valid provider token arrives).
 */
export class ApnsConnection {
  private current: ClientConnection | undefined;
  private dialing: Promise<ClientConnection> | undefined;
  private readonly live = new Set<ClientConnection>();
  private readonly host: string;
  private readonly port: number;
  /** The :authority of every request: APNs's host, with the port unless it is 443. */
  readonly authority: string;
  private closed = false;
  private peakOfRetired = 0;
  /** Connections opened so far; more than one means the connection was re-established. */
  sessionsOpened = 0;

  constructor(private readonly options: ApnsConnectionOptions) {
    const url = new URL(options.origin);
    this.host = url.hostname.replace(/^\[(.*)\]$/, "$1");
    this.port = Number(url.port || 443);
    this.authority = url.port && url.port !== "443" ? `${url.hostname}:${url.port}` : url.hostname;
  }

  /** What the peer allows now on the current connection; one before there is one. */
  get streamLimit(): number {
    return this.current?.usable ? this.current.streamLimit : 1;
  }

  /** The most parallel streams seen on one connection, for tests and tuning. */
  get peakInFlight(): number {
    let peak = this.peakOfRetired;
    for (const connection of this.live) peak = Math.max(peak, connection.peakActive);
    return peak;
  }

  request(headers: RequestHeaders, body: Buffer): Promise<Http2Response> {
    const connection = this.current;
    if (connection !== undefined && connection.usable) return connection.request(headers, body);
    if (this.closed) return Promise.reject(new PushError("closed", "The APNs client was closed."));
    return this.connection().then((opened) => opened.request(headers, body));
  }

  async close(): Promise<void> {
    this.closed = true;
    await this.dialing?.catch(() => {});
    await Promise.all([...this.live].map((connection) => connection.close()));
  }

  /** The current connection, dialling one (once, for every request waiting) when there is none. */
  private connection(): Promise<ClientConnection> {
    this.dialing ??= this.dial().finally(() => (this.dialing = undefined));
    return this.dialing;
  }

  private async dial(): Promise<ClientConnection> {
    const { origin, tls, connectTimeoutMs, requestTimeoutMs } = this.options;
    this.sessionsOpened++;
    const socket: TLSSocket = connect({
      ...tls,
      host: this.host,
      port: this.port,
      // SNI takes a host name, never an address.
      ...(isIP(this.host) ? {} : { servername: this.host }),
      ALPNProtocols: ["h2"],
    });
    const timer = setTimeout(
      () =>
        socket.destroy(
          new PushError("timeout", `No HTTP/2 connection to ${origin} within ${connectTimeoutMs} ms.`),
        ),
      connectTimeoutMs,
    );
    try {
      await once(socket, "secureConnect");
    } catch (cause) {
      throw cause instanceof PushError
        ? cause
        : new PushError("connection_failed", `Could not connect to ${origin}: ${describeError(cause)}`, {
            cause,
          });
    } finally {
      clearTimeout(timer);
    }
    if (socket.alpnProtocol !== "h2") {
      socket.destroy();
      throw new PushError("connection_failed", `${origin} did not agree to HTTP/2 (ALPN h2) over TLS.`);
    }
    if (this.closed) {
      socket.destroy();
      throw new PushError("closed", "The APNs client was closed.");
    }
    const connection: ClientConnection = new ClientConnection({
      socket,
      authority: this.authority,
      origin,
      requestTimeoutMs,
      pingAfterIdleMs: PING_AFTER_IDLE_MS,
      pingTimeoutMs: PING_TIMEOUT_MS,
      unindexedHeaders: UNINDEXED,
      onRetired: () => {
        if (this.current === connection) this.current = undefined;
      },
    });
    this.live.add(connection);
    socket.once("close", () => {
      this.live.delete(connection);
      this.peakOfRetired = Math.max(this.peakOfRetired, connection.peakActive);
    });
    this.current = connection;
    return connection;
  }
}
