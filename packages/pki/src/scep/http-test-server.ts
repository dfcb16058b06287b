// For this folder's tests only: serves a ScepServer over node:http the way a route would.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { ScepServer } from "./server-types.js";

export async function serveScep(scep: ScepServer): Promise<{ url: string; close(): Promise<void> }> {
  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      const url = new URL(request.url ?? "/", "http://localhost");
      const method = request.method === "POST" ? "POST" : "GET";
      scep
        .handle({
          method,
          operation: url.searchParams.get("operation") ?? "",
          message:
            method === "POST"
              ? new Uint8Array(Buffer.concat(chunks))
              : (url.searchParams.get("message") ?? undefined),
        })
        .then(
          (answer) => {
            response.writeHead(answer.status, { "content-type": answer.contentType });
            response.end(answer.body);
          },
          (error: unknown) => {
            response.writeHead(500, { "content-type": "text/plain" });
            response.end(String(error));
          },
        );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/scep`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
