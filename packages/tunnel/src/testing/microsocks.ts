import { spawn, type ChildProcess } from "node:child_process";
import { once } from "node:events";
import { connect, createServer, type AddressInfo } from "node:net";

export interface Microsocks {
  port: number;
  stop(): Promise<void>;
}

async function freePort(): Promise<number> {
  const server = createServer();
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

async function listening(port: number, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  while (performance.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`microsocks exited with code ${child.exitCode}.`);
    const ok = await new Promise<boolean>((resolve) => {
      const probe = connect({ port, host: "127.0.0.1" });
      probe.once("connect", () => {
        probe.destroy();
        resolve(true);
      });
      probe.once("error", () => resolve(false));
    });
    if (ok) return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error(`microsocks did not listen on ${port} within ${timeoutMs} ms.`);
}

/**
 * Debian's microsocks (a real SOCKS v5 server, CONNECT only) on a loopback port, outgoing from
 * `bindAddress`; on `port` when given, so a test can stop the proxy and bring it back where it was.
 */
export async function startMicrosocks(bindAddress?: string, port?: number): Promise<Microsocks> {
  port ??= await freePort();
  const args = ["-i", "127.0.0.1", "-p", String(port), ...(bindAddress ? ["-b", bindAddress] : [])];
  const child = spawn("microsocks", args, { stdio: "ignore" });
  await listening(port, child, 5_000);
  return {
    port,
    async stop() {
      if (child.exitCode !== null) return;
      const exited = once(child, "exit");
      child.kill("SIGTERM");
      await exited;
    },
  };
}
