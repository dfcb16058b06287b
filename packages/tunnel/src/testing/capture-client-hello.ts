import { spawn } from "node:child_process";
import { once } from "node:events";
import { createServer, type AddressInfo } from "node:net";
import { connect as tlsConnect, type ConnectionOptions } from "node:tls";
import { parseClientHello } from "../edge/client-hello.js";

/**
 * The first bytes a real client sends: listens on a loopback port, lets `startClient` connect, and keeps
 * what arrives until it holds a whole ClientHello (or `timeoutMs` passes), then drops the connection.
 */
export async function captureClientHello(
  startClient: (port: number) => { stop(): void },
  timeoutMs = 5_000,
): Promise<Buffer> {
  const server = createServer();
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  const { port } = server.address() as AddressInfo;
  try {
    const captured = new Promise<Buffer>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error("No whole ClientHello arrived in time.")), timeoutMs);
      server.once("connection", (socket) => {
        let data = Buffer.alloc(0);
        socket.on("error", () => {});
        socket.on("data", (chunk: Buffer) => {
          data = Buffer.concat([data, chunk]);
          if (parseClientHello(data, 1 << 20).status === "incomplete") return;
          clearTimeout(timer);
          socket.destroy();
          resolve(data);
        });
      });
    });
    const client = startClient(port);
    try {
      return await captured;
    } finally {
      client.stop();
    }
  } finally {
    server.close();
  }
}

export function nodeTlsClient(options: Omit<ConnectionOptions, "port" | "host">) {
  return (port: number) => {
    const socket = tlsConnect({ ...options, port, host: "127.0.0.1" });
    socket.on("error", () => {});
    return { stop: () => socket.destroy() };
  };
}

/** `openssl s_client` with the given extra arguments (for example `-servername x` or `-noservername`). */
export function opensslClient(args: string[]) {
  return (port: number) => {
    const child = spawn("openssl", ["s_client", "-connect", `127.0.0.1:${port}`, ...args], {
      stdio: ["pipe", "ignore", "ignore"],
    });
    child.on("error", () => {});
    return { stop: () => child.kill("SIGKILL") };
  };
}
