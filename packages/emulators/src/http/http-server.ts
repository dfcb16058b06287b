import { once } from "node:events";
import {
  createServer as createHttpServer,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from "node:http";
import { createServer as createHttpsServer } from "node:https";
import type { AddressInfo, Socket } from "node:net";
import { createLocalTlsIdentity, type TlsIdentity } from "../tls/local-ca.js";

export type Handler = (request: IncomingMessage, response: ServerResponse) => void;

export interface ListenOptions {
  port?: number;
  host?: string;
  /** HTTPS with this identity, or a fresh local one for `true`; plain HTTP otherwise. */
  tls?: boolean | TlsIdentity;
}

export interface Listening {
  server: Server;
  url: string;
  /** The PEM clients must trust, when serving HTTPS. */
  ca: string | undefined;
  /** Cuts every open connection. */
  dropConnections(): void;
  close(): Promise<void>;
}

/** An HTTP/1.1 emulator server that keeps track of its sockets so faults and close can cut them. */
export async function listen(handler: Handler, options: ListenOptions): Promise<Listening> {
  const identity = options.tls === true ? createLocalTlsIdentity() : options.tls || undefined;
  const server = identity
    ? createHttpsServer({ key: identity.key, cert: identity.cert }, handler)
    : createHttpServer(handler);
  const sockets = new Set<Socket>();
  server.on("connection", (socket: Socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });
  server.listen(options.port ?? 0, options.host ?? "127.0.0.1");
  await once(server, "listening");
  const { port, address } = server.address() as AddressInfo;
  const host = address.includes(":") ? `[${address}]` : address;
  const dropConnections = () => {
    for (const socket of sockets) socket.destroy();
  };
  return {
    server,
    url: `${identity ? "https" : "http"}://${host}:${port}`,
    ca: identity?.ca,
    dropConnections,
    async close() {
      const closed = once(server, "close");
      server.close();
      dropConnections();
      await closed;
    },
  };
}

/** The request body, or undefined when it exceeds `limit` bytes (the rest is read and thrown away). */
export async function readBody(request: IncomingMessage, limit: number): Promise<Buffer | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size <= limit) chunks.push(chunk);
  }
  return size > limit ? undefined : Buffer.concat(chunks);
}

export function sendJson(
  response: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string | number> = {},
): void {
  const text = JSON.stringify(body);
  response.writeHead(status, {
    "content-type": "application/json; charset=UTF-8",
    "content-length": Buffer.byteLength(text),
    ...headers,
  });
  response.end(text);
}
