import type { X509Certificate } from "node:crypto";
import { EventEmitter, once } from "node:events";
import type { AddressInfo, Socket } from "node:net";
import type { Duplex } from "node:stream";
import { createServer, type Server, type TLSSocket } from "node:tls";
import { describeError, TunnelError } from "../errors.js";
import { serveEnrolment, type EnrolmentHandler, type EnrolmentReport } from "./enrolment-service.js";
import { refuseLink, revokeLink, startHubLink, type HubLink } from "./hub-link.js";
import {
  DEFAULT_FLOW_CONTROL,
  DEFAULT_HEARTBEAT,
  ENROL_ALPN,
  LINK_ALPN,
  LINK_CIPHERS,
  encodeStreamMeta,
  type DeviceStreamMeta,
  type FlowControl,
  type HeartbeatOptions,
} from "./protocol.js";

export interface LinkPeer {
  /** The client certificate, already verified against `clientCa`. */
  certificate: X509Certificate;
  remoteAddress: string;
}

/** The relay application's verdict on a verified client certificate (registration, revocation). */
export type LinkAuthorization = { serverId: string } | { refused: string };

export interface LinkHubOptions {
  /** The relay's link certificate and key; include the CA in `cert` when servers pin it by fingerprint. */
  key: string | Buffer;
  cert: string | Buffer;
  /** The CA(s) that issue servers' link client certificates. */
  clientCa: string | Buffer | Array<string | Buffer>;
  authorize: (peer: LinkPeer) => LinkAuthorization | Promise<LinkAuthorization>;
  /** Without it, enrolment requests are answered "this relay does not enrol servers". */
  enrol?: EnrolmentHandler;
  heartbeat?: Partial<HeartbeatOptions>;
  flowControl?: Partial<FlowControl>;
  /** TLS handshake plus authorization plus the server's HELLO, and a whole enrolment. Default 10 s. */
  handshakeTimeoutMs?: number;
}

export type LinkRefusalCode =
  | "handshake_failed"
  | "wrong_protocol"
  | "no_certificate"
  | "untrusted_certificate"
  | "unauthorized"
  | "authorize_failed";

export interface LinkHubEvents {
  "link-up": [{ serverId: string; linkId: string; remoteAddress: string }];
  "link-down": [{ serverId: string; linkId: string; reason: string }];
  refused: [{ remoteAddress: string; code: LinkRefusalCode; message: string }];
  enrolment: [EnrolmentReport];
}

/**
 * The relay side of the outbound link: accepts servers' TLS connections, checks their client
 * certificates, keeps the live links per server, and opens a stream toward a server per device
 * connection over whichever of its links carries the fewest.
 */
export class LinkHub extends EventEmitter<LinkHubEvents> {
  private readonly server: Server;
  private readonly links = new Map<string, HubLink[]>();
  private readonly sockets = new Set<Socket>();
  private readonly flow: FlowControl;
  private readonly heartbeat: HeartbeatOptions;
  private readonly handshakeTimeoutMs: number;
  private closing = false;

  constructor(private readonly options: LinkHubOptions) {
    super();
    this.flow = { ...DEFAULT_FLOW_CONTROL, ...options.flowControl };
    this.heartbeat = { ...DEFAULT_HEARTBEAT, ...options.heartbeat };
    this.handshakeTimeoutMs = options.handshakeTimeoutMs ?? 10_000;
    this.server = createServer({
      key: options.key,
      cert: options.cert,
      ca: options.clientCa,
      // Verified by OpenSSL against clientCa, but decided here, so a refusal can say why.
      requestCert: true,
      rejectUnauthorized: false,
      ALPNProtocols: [LINK_ALPN, ENROL_ALPN],
      minVersion: "TLSv1.3",
      ciphers: LINK_CIPHERS,
      honorCipherOrder: true,
      handshakeTimeout: this.handshakeTimeoutMs,
    });
    this.server.on("connection", (socket: Socket) => {
      this.sockets.add(socket);
      socket.once("close", () => this.sockets.delete(socket));
    });
    this.server.on("tlsClientError", (error, socket) => {
      socket.destroy();
      this.refused(socket.remoteAddress, "handshake_failed", `TLS handshake failed: ${describeError(error)}`);
    });
    this.server.on("secureConnection", (socket) => this.accept(socket));
  }

  async listen(port: number, host?: string): Promise<AddressInfo> {
    this.server.listen(port, host);
    await once(this.server, "listening");
    return this.server.address() as AddressInfo;
  }

  /** How many live links the server has (0 when it is unreachable). */
  linkCount(serverId: string): number {
    return this.links.get(serverId)?.length ?? 0;
  }

  /** Live links from every server. */
  get totalLinks(): number {
    let n = 0;
    for (const links of this.links.values()) n += links.length;
    return n;
  }

  /** Device streams open to the server now, over all its links. */
  streamCount(serverId: string): number {
    return (this.links.get(serverId) ?? []).reduce((sum, link) => sum + link.session.streamCount, 0);
  }

  /**
   * A new stream to the server for one device connection: write the device's bytes (starting with its
   * ClientHello) into it and read the server's back. Throws TunnelError "no_link" when the server has
   * no live link. The stream is destroyed with "stream_refused" if the server declines it.
   */
  openStream(serverId: string, meta: DeviceStreamMeta): Duplex {
    if (this.closing) throw new TunnelError("no_link", "The relay is shutting down.");
    const candidates = [...(this.links.get(serverId) ?? [])].sort(
      (a, b) => a.session.streamCount - b.session.streamCount,
    );
    for (const link of candidates) {
      if (link.session.closed) continue;
      let stream;
      try {
        stream = link.session.open(encodeStreamMeta(meta));
      } catch {
        continue; // The link is going away or full; try the next one.
      }
      return stream;
    }
    throw new TunnelError("no_link", `Server ${serverId} has no live link to this relay.`);
  }

  /**
   * Ends a server's links at once, telling it why (its registration was revoked, say): the relay
   * application calls this when `authorize` would now refuse the server.
   */
  disconnect(serverId: string, message: string): void {
    for (const link of this.links.get(serverId) ?? []) revokeLink(link, { code: "unauthorized", message });
  }

  /**
   * Stops accepting and tells every server to go away: they redial (another relay node, or this one
   * once it is back) while streams in progress get `graceMs` to finish before they are cut.
   */
  async close(graceMs = 1_000): Promise<void> {
    this.closing = true;
    const closed = new Promise<void>((resolve) => this.server.close(() => resolve()));
    for (const { session } of [...this.links.values()].flat()) session.close();
    const deadline = setTimeout(() => {
      for (const socket of this.sockets) socket.destroy();
    }, graceMs);
    await closed;
    clearTimeout(deadline);
  }

  private accept(socket: TLSSocket): void {
    socket.on("error", () => {}); // Reported through the session or the close that follows.
    const remoteAddress = socket.remoteAddress ?? "unknown";
    if (this.closing) {
      socket.destroy();
      return;
    }
    if (socket.alpnProtocol === ENROL_ALPN) {
      serveEnrolment(socket, this.options.enrol, this.handshakeTimeoutMs, (report) =>
        this.emit("enrolment", report),
      );
      return;
    }
    if (socket.alpnProtocol !== LINK_ALPN) {
      socket.destroy();
      this.refused(remoteAddress, "wrong_protocol", `The client did not offer ${LINK_ALPN} (ALPN).`);
      return;
    }
    void this.authenticate(socket, remoteAddress);
  }

  private async authenticate(socket: TLSSocket, remoteAddress: string): Promise<void> {
    const timer = setTimeout(() => {
      socket.destroy();
      const message = `authorization took longer than ${this.handshakeTimeoutMs} ms`;
      this.refused(remoteAddress, "authorize_failed", message);
    }, this.handshakeTimeoutMs);
    const certificate = socket.getPeerX509Certificate();
    if (!certificate) {
      clearTimeout(timer);
      return this.refuse(
        socket,
        remoteAddress,
        "no_certificate",
        "The server presented no client certificate; it must enrol first.",
      );
    }
    if (!socket.authorized) {
      clearTimeout(timer);
      const why = describeError(socket.authorizationError);
      return this.refuse(
        socket,
        remoteAddress,
        "untrusted_certificate",
        `The client certificate is not from this relay's link CA (${why}).`,
      );
    }
    let decision: LinkAuthorization;
    try {
      decision = await this.options.authorize({ certificate, remoteAddress });
    } catch (error) {
      clearTimeout(timer);
      return this.refuse(
        socket,
        remoteAddress,
        "authorize_failed",
        `Authorization failed: ${describeError(error)}`,
      );
    }
    clearTimeout(timer);
    if (socket.destroyed || this.closing) return;
    if ("refused" in decision) return this.refuse(socket, remoteAddress, "unauthorized", decision.refused);
    this.establish(socket, decision.serverId);
  }

  private refuse(socket: TLSSocket, remoteAddress: string, code: LinkRefusalCode, message: string): void {
    this.refused(remoteAddress, code, message);
    refuseLink(socket, { code, message });
  }

  private refused(remoteAddress: string | undefined, code: LinkRefusalCode, message: string): void {
    this.emit("refused", { remoteAddress: remoteAddress ?? "unknown", code, message });
  }

  private establish(socket: TLSSocket, serverId: string): void {
    const settings = { flow: this.flow, heartbeat: this.heartbeat, startTimeoutMs: this.handshakeTimeoutMs };
    startHubLink(socket, serverId, settings, {
      up: (link) => {
        if (this.closing) return false;
        this.links.set(serverId, [...(this.links.get(serverId) ?? []), link]);
        this.emit("link-up", { serverId, linkId: link.id, remoteAddress: link.remoteAddress });
        return true;
      },
      down: (link, reason) => {
        const remaining = (this.links.get(serverId) ?? []).filter((l) => l !== link);
        if (remaining.length > 0) this.links.set(serverId, remaining);
        else this.links.delete(serverId);
        const why = reason ?? (this.closing ? "the relay is shutting down" : "the server closed the link");
        this.emit("link-down", { serverId, linkId: link.id, reason: why });
      },
    });
  }
}
