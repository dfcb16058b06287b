import type { Duplex } from "node:stream";
import {
  connect as tlsConnect,
  createServer as createTlsServer,
  type ConnectionOptions,
  type TlsOptions,
  type TLSSocket,
} from "node:tls";
import { DeviceEdge, type DeviceEdgeOptions } from "../edge/device-edge.js";
import type { FlowControl } from "../link/protocol.js";
import type { StreamHandler } from "../link/relay-connection.js";
import { DEVICE_HOST, nextEvent, startHub, startLinkClient, type TunnelPki } from "./tunnel-fixture.js";

export interface TappedStream {
  stream: Duplex;
  /** Every byte the relay wrote toward the server and read back from it on this stream. */
  bytes: Buffer[];
}

/**
 * Records what passes through a relay-side stream in both directions without changing how it flows:
 * writes are seen as they are made, reads as the stream pushes them to its buffer.
 */
export function tap(stream: Duplex): TappedStream {
  const tapped: TappedStream = { stream, bytes: [] };
  const write = stream.write.bind(stream) as (...args: unknown[]) => boolean;
  stream.write = ((chunk: Buffer, ...rest: unknown[]) => {
    tapped.bytes.push(Buffer.from(chunk));
    return write(chunk, ...rest);
  }) as Duplex["write"];
  const push = stream.push.bind(stream);
  stream.push = (chunk: Buffer | null, encoding?: BufferEncoding) => {
    if (chunk) tapped.bytes.push(Buffer.from(chunk));
    return push(chunk, encoding);
  };
  return tapped;
}

export interface EndToEndOptions {
  /** Called on the server for each device whose TLS it terminated. */
  onDevice?: (socket: TLSSocket) => void;
  /** Replaces TLS termination on the server: the handler gets the device's raw bytes. */
  onStream?: StreamHandler;
  deviceTls?: TlsOptions;
  flowControl?: Partial<FlowControl>;
  edge?: Partial<DeviceEdgeOptions>;
}

/**
 * The production path in one process: a relay (link hub and device edge) and a server (link client
 * and its device-facing TLS server) joined by a real link on loopback. `DEVICE_HOST` routes to the
 * server; everything else is unknown.
 */
export async function startEndToEnd(pki: TunnelPki, options: EndToEndOptions) {
  const { hub, port: linkPort } = await startHub(pki, { flowControl: options.flowControl ?? {} });
  const deviceTls = createTlsServer(
    { ...pki.deviceServer, ...options.deviceTls },
    options.onDevice ?? (() => {}),
  );
  deviceTls.on("tlsClientError", () => {});
  const linkUp = nextEvent(hub, "link-up");
  const client = startLinkClient(pki, [linkPort], {
    onStream: options.onStream ?? ((stream) => deviceTls.emit("connection", stream)),
    flowControl: options.flowControl ?? {},
  });
  const relayStreams: TappedStream[] = [];
  const edge = new DeviceEdge({
    route: (name) => (name === DEVICE_HOST ? "server-1" : undefined),
    halfCloseTimeoutMs: 500,
    openStream: (serverId, meta) => {
      const tapped = tap(hub.openStream(serverId, meta));
      relayStreams.push(tapped);
      return tapped.stream;
    },
    ...options.edge,
  });
  const { port: edgePort } = await edge.listen(0, "127.0.0.1");
  await linkUp;
  return {
    hub,
    edge,
    client,
    edgePort,
    relayStreams,
    /** A device connecting to the relay's edge by the server's name, trusting the server's CA. */
    device(tlsOptions: ConnectionOptions = {}): TLSSocket {
      return tlsConnect({
        port: edgePort,
        host: "127.0.0.1",
        servername: DEVICE_HOST,
        ca: pki.deviceCa.cert,
        ...tlsOptions,
      });
    },
    async close() {
      await edge.close();
      await client.close();
      await hub.close(0);
    },
  };
}
