import { once } from "node:events";
import { connect } from "node:net";
import { PassThrough } from "node:stream";
import { connect as tlsConnect, createServer as createTlsServer } from "node:tls";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { TunnelError } from "../errors.js";
import { captureClientHello, nodeTlsClient } from "../testing/capture-client-hello.js";
import { createTunnelPki, record, type TunnelPki } from "../testing/tunnel-fixture.js";
import { DeviceEdge, type DeviceEdgeEvents } from "./device-edge.js";
import { fatalAlert, TlsAlert } from "./tls-alert.js";

type Refused = DeviceEdgeEvents["refused"][0];

/** Connects, writes `bytes`, optionally ends, and returns everything the edge sent before closing. */
async function exchange(port: number, bytes: Buffer, end = true): Promise<Buffer> {
  const socket = connect({ port, host: "127.0.0.1" });
  socket.on("error", () => {});
  socket.write(bytes);
  if (end) socket.end();
  const chunks: Buffer[] = [];
  socket.on("data", (chunk: Buffer) => chunks.push(chunk));
  await once(socket, "close");
  return Buffer.concat(chunks);
}

/** The error a real TLS client reports for what the edge answered. */
async function tlsClientError(port: number, servername?: string): Promise<string> {
  const socket = tlsConnect({ port, host: "127.0.0.1", ...(servername ? { servername } : {}) });
  const [error] = (await once(socket, "error")) as [NodeJS.ErrnoException];
  return error.code ?? error.message;
}

describe("device edge", () => {
  let pki: TunnelPki;
  let edge: DeviceEdge;
  let port: number;
  let hello: Buffer;
  let refused: Refused[];
  const opened: string[] = [];

  beforeAll(async () => {
    pki = createTunnelPki();
    hello = await captureClientHello(nodeTlsClient({ servername: "acme.relay.test" }));
    const relayApi = createTlsServer(pki.relay, (socket) => socket.end("relay api"));
    edge = new DeviceEdge({
      route: (name) => {
        if (name === "boom.test") throw new Error("directory unavailable");
        return (
          { "acme.relay.test": "server-1", "offline.test": "server-2", "relay.test": "local" } as const
        )[name];
      },
      openStream: (serverId, meta) => {
        if (serverId !== "server-1") throw new TunnelError("no_link", `Server ${serverId} has no live link.`);
        opened.push(`${serverId} ${meta.serverName} ${meta.deviceAddress}`);
        return new PassThrough(); // Echoes: the device reads back what it sent.
      },
      local: (socket) => relayApi.emit("connection", socket),
      clientHelloTimeoutMs: 300,
    });
    port = (await edge.listen(0, "127.0.0.1")).port;
    refused = record(edge, "refused");
  });
  afterAll(async () => {
    await edge.close();
  });

  const lastRefusal = () => refused.at(-1);

  it("routes by server name and forwards the ClientHello it read, then everything after it", async () => {
    const payload = Buffer.concat([hello, Buffer.from("then the rest")]);
    expect(await exchange(port, payload)).toEqual(payload);
    expect(opened).toEqual(["server-1 acme.relay.test 127.0.0.1"]);
  });

  it("hands names routed 'local' to the relay's own TLS server, ClientHello included", async () => {
    const socket = tlsConnect({ port, host: "127.0.0.1", servername: "relay.test", ca: pki.relayCa.cert });
    let text = "";
    for await (const chunk of socket) text += String(chunk);
    expect(text).toBe("relay api");
  });

  it("answers an unknown name and a missing name with the unrecognized_name alert", async () => {
    expect(await tlsClientError(port, "nobody.test")).toMatch(/UNRECOGNIZED_NAME/);
    expect(lastRefusal()).toMatchObject({
      reason: "unknown_name",
      serverName: "nobody.test",
      remoteAddress: "127.0.0.1",
    });
    // Node sends no server name when it connects to an IP address.
    expect(await tlsClientError(port)).toMatch(/UNRECOGNIZED_NAME/);
    expect(lastRefusal()).toMatchObject({ reason: "no_server_name" });
  });

  it("answers internal_error when the server has no link or routing fails", async () => {
    expect(await tlsClientError(port, "offline.test")).toMatch(/INTERNAL_ERROR/);
    expect(lastRefusal()).toMatchObject({ reason: "no_link", serverName: "offline.test" });
    expect(await tlsClientError(port, "boom.test")).toMatch(/INTERNAL_ERROR/);
    expect(lastRefusal()).toMatchObject({ reason: "route_failed", message: /directory unavailable/ });
  });

  it("closes plaintext without an alert, and answers broken TLS with decode_error", async () => {
    expect(await exchange(port, Buffer.from("GET / HTTP/1.1\r\nHost: x\r\n\r\n"))).toEqual(Buffer.alloc(0));
    expect(lastRefusal()).toMatchObject({ reason: "not_tls" });
    expect(await exchange(port, Buffer.from([22, 3, 1, 0, 0]), false)).toEqual(
      fatalAlert(TlsAlert.decodeError),
    );
    expect(lastRefusal()).toMatchObject({ reason: "malformed" });
    const badLength = Buffer.from(hello);
    badLength.writeUInt16BE(badLength.readUInt16BE(3) - 10, 3); // The record says 10 bytes fewer than the handshake.
    expect(await exchange(port, badLength, false)).toEqual(fatalAlert(TlsAlert.decodeError));
  });

  it("refuses an oversized ClientHello as soon as its length says so, and a flood of bytes", async () => {
    const announced = Buffer.from([22, 3, 1, 0x40, 0x00]);
    expect(await exchange(port, announced, false)).toEqual(fatalAlert(TlsAlert.decodeError));
    expect(lastRefusal()).toMatchObject({ reason: "too_large" });
    // A plausible 10,000-byte ClientHello in 5-byte records: each fits, their headers add up past the cap.
    const message = Buffer.concat([Buffer.from([1, 0x00, 0x27, 0x10]), Buffer.alloc(10_000)]);
    const parts: Buffer[] = [];
    for (let i = 0; i < message.length; i += 5)
      parts.push(Buffer.from([22, 3, 1, 0, 5]), message.subarray(i, i + 5));
    const records = Buffer.concat(parts);
    expect(await exchange(port, records, false)).toEqual(fatalAlert(TlsAlert.decodeError));
    expect(lastRefusal()).toMatchObject({ reason: "too_large" });
  });

  it("cuts a device that stops halfway, whether it closes or just waits", async () => {
    await exchange(port, hello.subarray(0, 50));
    expect(lastRefusal()).toMatchObject({ reason: "closed_early" });
    const started = performance.now();
    await exchange(port, hello.subarray(0, 50), false);
    expect(lastRefusal()).toMatchObject({ reason: "timeout" });
    expect(performance.now() - started).toBeGreaterThanOrEqual(250);
  });

  it("leaves no connection open after all of the above", async () => {
    await vi.waitFor(() => expect(edge.connections).toBe(0));
  });
});
