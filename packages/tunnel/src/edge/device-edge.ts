import { EventEmitter, once } from "node:events";
import { createServer, type AddressInfo, type Server, type Socket } from "node:net";
import type { Duplex } from "node:stream";
import { describeError, TunnelError } from "../errors.js";
import type { DeviceStreamMeta } from "../link/protocol.js";
import { splice } from "../splice.js";
import { parseClientHello } from "./client-hello.js";
import { fatalAlert, TlsAlert, type TlsAlertDescription } from "./tls-alert.js";

/** Where a server name goes: a server's ID, the relay's own TLS handler, or nowhere (undefined). */
export type RouteDecision = string | "local" | undefined;

export interface DeviceEdgeOptions {
  route: (serverName: string) => RouteDecision | Promise<RouteDecision>;
  /** Opens a stream to a server, normally `hub.openStream`; throws TunnelError "no_link" when it cannot. */
  openStream: (serverId: string, meta: DeviceStreamMeta) => Duplex;
  /**
   * Takes connections routed "local", with the ClientHello put back, e.g.
   * `(socket) => httpsServer.emit("connection", socket)`.
   */
  local?: (socket: Socket, serverName: string) => void;
  /** A device must send its whole ClientHello within this. Default 10 s. */
  clientHelloTimeoutMs?: number;
  /** The most a ClientHello may take, record headers included. Default 16 KiB. */
  maxClientHelloBytes?: number;
  /** Refuse further connections beyond this many open ones. Default: no limit. */
  maxConnections?: number;
  /**
   * After the device or the server has finished sending, the other must finish within this, or the
   * connection is cut: a device that vanished with a FIN would otherwise hold it open. Default 60 s.
   */
  halfCloseTimeoutMs?: number;
}

export type EdgeRefusalReason =
  | "not_tls"
  | "malformed"
  | "too_large"
  | "timeout"
  | "closed_early"
  | "no_server_name"
  | "unknown_name"
  | "route_failed"
  | "no_link";

export interface DeviceEdgeEvents {
  routed: [{ serverName: string; serverId: string; remoteAddress: string }];
  local: [{ serverName: string; remoteAddress: string }];
  refused: [
    { reason: EdgeRefusalReason; remoteAddress: string; serverName: string | undefined; message: string },
  ];
}

/**
 * The relay's device port: reads each connection's ClientHello without terminating TLS, routes on
 * the server name, and pipes the raw bytes through a link stream to the server (which terminates TLS),
 * hands the connection to the relay's own TLS handler, or refuses it with a TLS alert.
 */
export class DeviceEdge extends EventEmitter<DeviceEdgeEvents> {
  private readonly server: Server;
  private readonly sockets = new Set<Socket>();
  private readonly timeoutMs: number;
  private readonly maxBytes: number;

  constructor(private readonly options: DeviceEdgeOptions) {
    super();
    this.timeoutMs = options.clientHelloTimeoutMs ?? 10_000;
    this.maxBytes = options.maxClientHelloBytes ?? 16 * 1024;
    // Half-open: a device that has sent everything may still be reading the server's answer.
    this.server = createServer({ allowHalfOpen: true, pauseOnConnect: false }, (socket) =>
      this.accept(socket),
    );
    if (options.maxConnections !== undefined) this.server.maxConnections = options.maxConnections;
  }

  async listen(port: number, host?: string): Promise<AddressInfo> {
    this.server.listen(port, host);
    await once(this.server, "listening");
    return this.server.address() as AddressInfo;
  }

  /** Device connections open now, in any state. */
  get connections(): number {
    return this.sockets.size;
  }

  /** Stops accepting and cuts every device connection. */
  async close(): Promise<void> {
    const closed = new Promise<void>((resolve) => this.server.close(() => resolve()));
    for (const socket of this.sockets) socket.destroy();
    await closed;
  }

  private accept(socket: Socket): void {
    this.sockets.add(socket);
    socket.once("close", () => this.sockets.delete(socket));
    socket.on("error", () => {}); // Devices vanish all the time; the close that follows is enough.
    socket.setNoDelay(true);
    socket.setKeepAlive(true, 60_000);
    const remoteAddress = socket.remoteAddress ?? "unknown";
    // Grows by doubling, so a client that trickles its ClientHello a byte at a time costs linear work.
    let buffer: Buffer = Buffer.alloc(0);
    let received = 0;
    const stopReading = () => {
      clearTimeout(timer);
      socket.off("data", onData);
      socket.off("end", onEnd);
      socket.pause();
    };
    const timer = setTimeout(() => {
      stopReading();
      this.refuse(socket, {
        reason: "timeout",
        remoteAddress,
        serverName: undefined,
        message: `no whole ClientHello within ${this.timeoutMs} ms`,
      });
    }, this.timeoutMs);
    const onEnd = () => {
      stopReading();
      this.refuse(socket, {
        reason: "closed_early",
        remoteAddress,
        serverName: undefined,
        message: "the device closed before a whole ClientHello",
      });
    };
    const onData = (chunk: Buffer) => {
      if (received === 0) buffer = chunk;
      else {
        if (received + chunk.length > buffer.length) {
          const grown = Buffer.allocUnsafe(Math.max(received * 2, received + chunk.length, 1_024));
          buffer.copy(grown, 0, 0, received);
          buffer = grown;
        }
        chunk.copy(buffer, received);
      }
      received += chunk.length;
      const firstBytes = buffer.subarray(0, received);
      const hello = parseClientHello(firstBytes, this.maxBytes);
      if (hello.status === "incomplete" && received <= this.maxBytes) return;
      stopReading();
      switch (hello.status) {
        case "complete":
          if (hello.serverName === undefined) {
            const message = "the ClientHello names no server (SNI)";
            this.refuse(
              socket,
              { reason: "no_server_name", remoteAddress, serverName: undefined, message },
              TlsAlert.unrecognizedName,
            );
          } else void this.route(socket, hello.serverName, firstBytes, remoteAddress);
          return;
        case "malformed":
          this.refuse(
            socket,
            {
              reason: hello.notTls ? "not_tls" : "malformed",
              remoteAddress,
              serverName: undefined,
              message: hello.reason,
            },
            hello.notTls ? undefined : TlsAlert.decodeError,
          );
          return;
        default: {
          const message = `the ClientHello is larger than ${this.maxBytes} bytes`;
          this.refuse(
            socket,
            { reason: "too_large", remoteAddress, serverName: undefined, message },
            TlsAlert.decodeError,
          );
        }
      }
    };
    socket.on("data", onData);
    socket.on("end", onEnd);
  }

  private async route(
    socket: Socket,
    serverName: string,
    firstBytes: Buffer,
    remoteAddress: string,
  ): Promise<void> {
    let decision: RouteDecision;
    try {
      decision = await this.options.route(serverName);
    } catch (error) {
      const message = `routing failed: ${describeError(error)}`;
      return this.refuse(
        socket,
        { reason: "route_failed", remoteAddress, serverName, message },
        TlsAlert.internalError,
      );
    }
    if (socket.destroyed) return;
    if (decision === "local" && this.options.local) {
      socket.unshift(firstBytes);
      this.emit("local", { serverName, remoteAddress });
      try {
        this.options.local(socket, serverName);
      } catch {
        socket.destroy();
      }
      return;
    }
    if (decision === undefined || decision === "local") {
      const message = `no server is reachable at ${serverName} through this relay`;
      return this.refuse(
        socket,
        { reason: "unknown_name", remoteAddress, serverName, message },
        TlsAlert.unrecognizedName,
      );
    }
    let stream: Duplex;
    try {
      stream = this.options.openStream(decision, {
        serverName,
        deviceAddress: socket.remoteAddress ?? "0.0.0.0",
        devicePort: socket.remotePort ?? 0,
      });
    } catch (error) {
      const reason = error instanceof TunnelError && error.code === "no_link" ? "no_link" : "route_failed";
      return this.refuse(
        socket,
        { reason, remoteAddress, serverName, message: describeError(error) },
        TlsAlert.internalError,
      );
    }
    this.emit("routed", { serverName, serverId: decision, remoteAddress });
    stream.write(firstBytes);
    splice(socket, stream, { halfCloseTimeoutMs: this.options.halfCloseTimeoutMs ?? 60_000 });
  }

  /** Says why (to the device as a TLS alert when it spoke TLS, and to listeners), then closes. */
  private refuse(socket: Socket, event: DeviceEdgeEvents["refused"][0], alert?: TlsAlertDescription): void {
    this.emit("refused", event);
    if (socket.destroyed) return;
    if (alert === undefined) {
      socket.destroy();
      return;
    }
    socket.end(fatalAlert(alert));
    // A device that never closes its side is cut: nothing more will be read from it.
    setTimeout(() => socket.destroy(), 1_000).unref();
    socket.resume();
  }
}
