import { randomBytes } from "node:crypto";
import { once } from "node:events";
import { Readable } from "node:stream";
import { connect } from "node:net";
import type { TLSSocket } from "node:tls";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { startEndToEnd } from "./testing/end-to-end-fixture.js";
import { captureClientHello, nodeTlsClient } from "./testing/capture-client-hello.js";
import { createTunnelPki, DEVICE_HOST, type TunnelPki } from "./testing/tunnel-fixture.js";

async function readText(socket: TLSSocket): Promise<string> {
  let text = "";
  for await (const chunk of socket) text += String(chunk);
  return text;
}

/** `total` bytes in 64 KiB chunks, counting how many the consumer has pulled so far. */
function counted(total: number): { stream: Readable; pulled: () => number } {
  const chunk = Buffer.alloc(64 * 1024, 0x61);
  let sent = 0;
  const stream = new Readable({
    read() {
      if (sent >= total) return void this.push(null);
      const next = chunk.subarray(0, Math.min(chunk.length, total - sent));
      sent += next.length;
      this.push(next);
    },
  });
  return { stream, pulled: () => sent };
}

async function drain(socket: TLSSocket): Promise<number> {
  let bytes = 0;
  for await (const chunk of socket) bytes += (chunk as Buffer).length;
  return bytes;
}

describe("device to server through the relay", () => {
  let pki: TunnelPki;
  const cleanup: Array<() => Promise<void> | void> = [];
  beforeAll(() => {
    pki = createTunnelPki();
  });
  afterEach(async () => {
    for (const step of cleanup.splice(0).reverse()) await step();
  });

  it("carries TLS end to end, client certificate included, and the relay never sees the plaintext", async () => {
    const marker = `MERIDIAN-PLAINTEXT-${randomBytes(8).toString("hex")}`;
    const e2e = await startEndToEnd(pki, {
      deviceTls: { requestCert: true, rejectUnauthorized: true, ca: pki.deviceCa.cert },
      onDevice: (socket) => {
        const device = socket.getPeerCertificate().subject.CN;
        let request = "";
        socket.setEncoding("utf8");
        socket.on("data", (text: string) => {
          request += text;
          if (request.endsWith("\n")) socket.end(`${device} said ${request.trim()}; answer ${marker}`);
        });
      },
    });
    cleanup.push(() => e2e.close());
    const device = e2e.device(pki.deviceCa.issue({ commonName: "device-42", usage: "client" }));
    await once(device, "secureConnect");
    // The device checked the server's certificate against the organisation's CA: the relay could not have answered.
    expect(device.authorized).toBe(true);
    device.write(`${marker} hello\n`);
    expect(await readText(device)).toBe(`device-42 said ${marker} hello; answer ${marker}`);

    expect(e2e.relayStreams).toHaveLength(1);
    const seen = Buffer.concat(e2e.relayStreams[0]!.bytes);
    expect(seen.length).toBeGreaterThan(1_000);
    expect(seen[0]).toBe(0x16); // The relay forwarded the ClientHello it had read, then ciphertext only.
    expect(seen.includes(marker)).toBe(false);
    expect(seen.includes("device-42")).toBe(false);
    await vi.waitFor(() => expect(e2e.edge.connections + e2e.hub.streamCount("server-1")).toBe(0));
  });

  it("passes a half-close through: the device finishes sending, then reads the answer", async () => {
    // Node's own TLS cannot read after it has sent close_notify, so this looks at the raw bytes.
    const e2e = await startEndToEnd(pki, {
      onStream: (stream) => {
        let bytes = 0;
        stream.on("data", (chunk: Buffer) => (bytes += chunk.length));
        stream.on("end", () => stream.end(`got ${bytes} bytes`));
      },
    });
    cleanup.push(() => e2e.close());
    const hello = await captureClientHello(nodeTlsClient({ servername: DEVICE_HOST }));
    const device = connect({ port: e2e.edgePort, host: "127.0.0.1", allowHalfOpen: true });
    device.end(Buffer.concat([hello, Buffer.alloc(100_000)]));
    let answer = "";
    for await (const chunk of device) answer += String(chunk);
    expect(answer).toBe(`got ${hello.length + 100_000} bytes`);
  });

  it("keeps 20 downloads flowing while one device reads nothing, and holds that device's bytes back", async () => {
    const fast = 2 * 1024 * 1024;
    const slowTotal = 256 * 1024 * 1024;
    let slowSource: ReturnType<typeof counted> | undefined;
    // The stream window may grow while the kernel's buffers toward the device still take bytes.
    const maxStreamWindowBytes = 1024 * 1024;
    const e2e = await startEndToEnd(pki, {
      flowControl: { maxStreamWindowBytes },
      onDevice: (socket) => {
        socket.resume();
        socket.once("data", (first: Buffer) => {
          const source = counted(first.toString() === "slow" ? slowTotal : fast);
          if (first.toString() === "slow") slowSource = source;
          source.stream.pipe(socket);
        });
      },
    });
    cleanup.push(() => e2e.close());

    const slow = e2e.device();
    await once(slow, "secureConnect");
    slow.write("slow");
    slow.pause();
    await vi.waitFor(() => expect(slowSource?.pulled()).toBeGreaterThan(0));

    const received = await Promise.all(
      Array.from({ length: 20 }, async () => {
        const device = e2e.device();
        await once(device, "secureConnect");
        device.write("fast");
        return drain(device);
      }),
    );
    expect(received).toEqual(Array(20).fill(fast));

    // The stalled download is held back by flow control, not buffered: kernel socket buffers, one
    // stream window (at most its ceiling) at the relay and a few stream buffers, far below what the
    // server wanted to send.
    const slowAtServer = slowSource!.pulled();
    expect(slowAtServer).toBeLessThan(32 * 1024 * 1024);
    // The slow device connected first, so its stream is the relay's first.
    expect(e2e.relayStreams[0]!.stream.readableLength).toBeLessThanOrEqual(maxStreamWindowBytes + 64 * 1024);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(slowSource!.pulled() - slowAtServer).toBeLessThan(1024 * 1024);
    // A device that vanishes mid-transfer leaves nothing behind at the relay.
    slow.destroy();
    await vi.waitFor(() => expect(e2e.edge.connections + e2e.hub.streamCount("server-1")).toBe(0));
  });

  it("keeps 20 uploads flowing while the server stops reading one of them", async () => {
    const size = 2 * 1024 * 1024;
    let stalled: TLSSocket | undefined;
    const e2e = await startEndToEnd(pki, {
      onDevice: (socket) => {
        socket.once("data", (first: Buffer) => {
          if (first.subarray(0, 4).toString() === "slow") {
            socket.pause();
            stalled = socket;
            return;
          }
          let bytes = first.length;
          socket.on("data", (chunk: Buffer) => (bytes += chunk.length));
          socket.on("end", () => socket.end(String(bytes)));
        });
      },
    });
    cleanup.push(() => e2e.close());

    const slow = e2e.device();
    await once(slow, "secureConnect");
    slow.write("slow");
    const slowSource = counted(256 * 1024 * 1024);
    slowSource.stream.pipe(slow);

    const answers = await Promise.all(
      Array.from({ length: 20 }, async () => {
        const device = e2e.device();
        await once(device, "secureConnect");
        counted(size).stream.pipe(device);
        return readText(device);
      }),
    );
    expect(answers).toEqual(Array(20).fill(String(size)));
    // The kernel's socket buffers between the device and the relay may still be filling; then the
    // upload stops, far short of what the device wanted to send.
    let slowSent = slowSource.pulled();
    await vi.waitFor(
      async () => {
        await new Promise((resolve) => setTimeout(resolve, 200));
        const moved = slowSource.pulled() - slowSent;
        slowSent += moved;
        expect(moved).toBe(0);
      },
      { timeout: 5_000 },
    );
    expect(slowSent).toBeLessThan(32 * 1024 * 1024);
    // Behind a full window the relay cannot see this device leave. The server gives up on its
    // handler (a timeout of its own), which ends its side of the stream; the relay's half-close
    // timeout then lets go of the device connection and the stream.
    slow.destroy();
    stalled!.destroy();
    await vi.waitFor(() => expect(e2e.edge.connections + e2e.hub.streamCount("server-1")).toBe(0), {
      timeout: 5_000,
    });
  });
});
