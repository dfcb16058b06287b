import { once } from "node:events";
import { connect, createServer, type AddressInfo, type Server, type Socket } from "node:net";
import { afterEach, describe, expect, it, vi } from "vitest";
import { splice, type SpliceOptions } from "./splice.js";

async function listen(server: Server): Promise<number> {
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  return (server.address() as AddressInfo).port;
}

/**
 * client → middle (splices each connection to the far end) → far end. Returns the sockets each
 * server holds, so a test can see what is still open.
 */
async function chain(onFar: (socket: Socket) => void, options: SpliceOptions = {}) {
  const farSockets = new Set<Socket>();
  const far = createServer({ allowHalfOpen: true }, (socket) => {
    farSockets.add(socket);
    socket.once("close", () => farSockets.delete(socket));
    socket.on("error", () => {});
    onFar(socket);
  });
  const farPort = await listen(far);
  const middleSockets = new Set<Socket>();
  const middle = createServer({ allowHalfOpen: true }, (inbound) => {
    const outbound = connect({ port: farPort, host: "127.0.0.1", allowHalfOpen: true });
    for (const socket of [inbound, outbound]) {
      middleSockets.add(socket);
      socket.once("close", () => middleSockets.delete(socket));
    }
    splice(inbound, outbound, options);
  });
  const port = await listen(middle);
  return { port, farSockets, middleSockets, close: () => (far.close(), middle.close()) };
}

describe("splice", () => {
  const cleanup: Array<() => void> = [];
  afterEach(() => cleanup.splice(0).forEach((step) => step()));

  it("passes a half-close through and closes everything once both directions are done", async () => {
    const { port, farSockets, middleSockets, close } = await chain((socket) => {
      let bytes = 0;
      socket.on("data", (chunk: Buffer) => (bytes += chunk.length));
      socket.on("end", () => socket.end(`got ${bytes}`));
    });
    cleanup.push(close);
    const client = connect({ port, host: "127.0.0.1", allowHalfOpen: true });
    client.end(Buffer.alloc(1_000_000));
    let answer = "";
    for await (const chunk of client) answer += String(chunk);
    expect(answer).toBe("got 1000000");
    await vi.waitFor(() => expect(middleSockets.size + farSockets.size).toBe(0));
  });

  it("tears down the far side when the client resets, and the client when the far side resets", async () => {
    const { port, farSockets, middleSockets, close } = await chain((socket) => {
      socket.once("data", () => socket.resetAndDestroy());
      socket.once("end", () => socket.end());
    });
    cleanup.push(close);
    const first = connect({ port, host: "127.0.0.1" });
    first.on("error", () => {});
    await once(first, "connect");
    await vi.waitFor(() => expect(farSockets.size).toBe(1));
    first.resetAndDestroy();
    await vi.waitFor(() => expect(middleSockets.size + farSockets.size).toBe(0));

    const second = connect({ port, host: "127.0.0.1" });
    second.on("error", () => {});
    second.write("trigger the far side's reset");
    await once(second, "close");
    await vi.waitFor(() => expect(middleSockets.size + farSockets.size).toBe(0));
  });

  it("cuts a connection left half-closed for longer than the half-close timeout", async () => {
    // The far end never finishes its side after the client has finished its own.
    const { port, farSockets, middleSockets, close } = await chain((socket) => socket.resume(), {
      halfCloseTimeoutMs: 200,
    });
    cleanup.push(close);
    const client = connect({ port, host: "127.0.0.1", allowHalfOpen: true });
    client.end("done sending");
    client.resume();
    const started = performance.now();
    await once(client, "close");
    expect(performance.now() - started).toBeGreaterThanOrEqual(150);
    await vi.waitFor(() => expect(middleSockets.size).toBe(0));
    expect(farSockets.size).toBeLessThanOrEqual(1); // The far server's own socket is its business.
  });
});
