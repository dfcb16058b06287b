import { once } from "node:events";
import { connect, createServer, type AddressInfo, type Socket } from "node:net";

export interface HttpConnectProxy {
  port: number;
  /** The targets of the CONNECT requests it received, in order. */
  requests: string[];
  close(): Promise<void>;
}

/**
 * A small HTTP CONNECT proxy for tests. Its outgoing connections leave from `localAddress` (another
 * loopback address), so the far end can tell they came through it. `refuseWith` answers every request
 * with that status instead.
 */
export async function startHttpConnectProxy(
  options: { localAddress?: string; refuseWith?: number } = {},
): Promise<HttpConnectProxy> {
  const requests: string[] = [];
  const sockets = new Set<Socket>();
  const server = createServer((client) => {
    sockets.add(client);
    client.once("close", () => sockets.delete(client));
    client.on("error", () => {});
    let head = Buffer.alloc(0);
    const onData = (chunk: Buffer) => {
      head = Buffer.concat([head, chunk]);
      const end = head.indexOf("\r\n\r\n");
      if (end === -1) return;
      client.off("data", onData);
      const match = /^CONNECT (\S+):(\d+) HTTP\/1\.1\r\n/.exec(head.toString("latin1"));
      if (!match) return client.end("HTTP/1.1 400 Bad Request\r\n\r\n");
      requests.push(`${match[1]}:${match[2]}`);
      if (options.refuseWith)
        return client.end(`HTTP/1.1 ${options.refuseWith} Forbidden by test\r\nContent-Length: 0\r\n\r\n`);
      const upstream = connect({
        host: match[1]!.replace(/^\[(.*)\]$/, "$1"),
        port: Number(match[2]),
        ...(options.localAddress ? { localAddress: options.localAddress } : {}),
      });
      sockets.add(upstream);
      upstream.once("close", () => sockets.delete(upstream));
      upstream.on("error", () => client.destroy());
      client.on("close", () => upstream.destroy());
      upstream.on("close", () => client.destroy());
      upstream.once("connect", () => {
        client.write("HTTP/1.1 200 Connection Established\r\n\r\n");
        const rest = head.subarray(end + 4);
        if (rest.length > 0) upstream.write(rest);
        client.pipe(upstream);
        upstream.pipe(client);
      });
    };
    client.on("data", onData);
  });
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  return {
    port: (server.address() as AddressInfo).port,
    requests,
    async close() {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
