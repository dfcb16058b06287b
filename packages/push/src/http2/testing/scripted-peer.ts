import { once } from "node:events";
import { createServer, connect, type AddressInfo, type Server, type Socket } from "node:net";
import { ClientConnection, type ClientConnectionOptions } from "../client-connection.js";
import { writeFrameHeader } from "../frame-writer.js";
import {
  CONNECTION_PREFACE,
  Flag,
  FRAME_HEADER_LENGTH,
  FrameReader,
  FrameType,
  MAX_FRAME_SIZE_LIMIT,
  type Frame,
} from "../frames.js";
import { HpackDecoder, type HeaderField } from "../hpack/decoder.js";
import { HpackEncoder } from "../hpack/encoder.js";

/**
 * The server end of one HTTP/2 connection, driven frame by frame by a test: it records what the
 * client sends and writes whatever frames the test asks for, well-formed or not. Plain TCP: the
 * framing does not care what carries it.
 */
export class ScriptedPeer {
  private readonly received: Frame[] = [];
  private readonly waiters: Array<() => void> = [];
  private readonly decoder = new HpackDecoder();
  private readonly encoder = new HpackEncoder();
  /** Whether the client's connection preface arrived intact. */
  prefaceOk = false;

  private constructor(
    private readonly server: Server,
    readonly socket: Socket,
  ) {
    let buffered = Buffer.alloc(0);
    const reader = new FrameReader((frame) => {
      this.received.push({ ...frame, payload: Buffer.from(frame.payload) });
      for (const wake of this.waiters.splice(0)) wake();
    });
    reader.maxFrameSize = MAX_FRAME_SIZE_LIMIT;
    socket.on("data", (chunk: Buffer) => {
      if (!this.prefaceOk) {
        buffered = Buffer.concat([buffered, chunk]);
        if (buffered.length < CONNECTION_PREFACE.length) return;
        this.prefaceOk = buffered.subarray(0, CONNECTION_PREFACE.length).equals(CONNECTION_PREFACE);
        chunk = buffered.subarray(CONNECTION_PREFACE.length);
      }
      reader.push(chunk);
    });
    socket.on("error", () => {});
  }

  /** A peer and a client connected to it; the peer has sent nothing yet. */
  static async start(
    options: Partial<ClientConnectionOptions> = {},
  ): Promise<{ peer: ScriptedPeer; client: ClientConnection }> {
    const server = createServer();
    server.listen(0, "127.0.0.1");
    await once(server, "listening");
    const accepted = once(server, "connection") as Promise<[Socket]>;
    const socket = connect((server.address() as AddressInfo).port, "127.0.0.1");
    await once(socket, "connect");
    const [serverSocket] = await accepted;
    const peer = new ScriptedPeer(server, serverSocket);
    const client = new ClientConnection({
      socket,
      authority: "peer.test",
      origin: "https://peer.test",
      requestTimeoutMs: 5_000,
      pingAfterIdleMs: 60_000,
      pingTimeoutMs: 10_000,
      ...options,
    });
    return { peer, client };
  }

  /** The next frame from the client of `type` (skipping others), waiting for it if need be. */
  async next(type: number, timeoutMs = 2_000): Promise<Frame> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const at = this.received.findIndex((frame) => frame.type === type);
      if (at >= 0) return this.received.splice(at, 1)[0]!;
      if (Date.now() > deadline) throw new Error(`No frame of type ${type} from the client.`);
      await new Promise<void>((wake) => {
        this.waiters.push(wake);
        setTimeout(wake, 20);
      });
    }
  }

  /** Frames of `type` received so far, without waiting. */
  seen(type: number): Frame[] {
    return this.received.filter((frame) => frame.type === type);
  }

  decodeRequest(frame: Frame): Record<string, string> {
    return Object.fromEntries(this.decoder.decode(frame.payload));
  }

  send(type: number, flags: number, streamId: number, payload: Buffer = Buffer.alloc(0)): void {
    const frame = Buffer.alloc(FRAME_HEADER_LENGTH + payload.length);
    writeFrameHeader(frame, 0, payload.length, type, flags, streamId);
    payload.copy(frame, FRAME_HEADER_LENGTH);
    this.socket.write(frame);
  }

  settings(entries: Array<[id: number, value: number]> = []): void {
    const payload = Buffer.alloc(6 * entries.length);
    entries.forEach(([id, value], index) => {
      payload.writeUInt16BE(id, index * 6);
      payload.writeUInt32BE(value, index * 6 + 2);
    });
    this.send(FrameType.SETTINGS, 0, 0, payload);
  }

  headerBlock(fields: HeaderField[]): Buffer {
    const out = Buffer.alloc(HpackEncoder.bound(fields));
    return out.subarray(0, this.encoder.encode(fields, out, 0));
  }

  /** A whole response: HEADERS, and DATA when there is a body. */
  respond(streamId: number, status: number, body?: string, headers: HeaderField[] = []): void {
    const block = this.headerBlock([[":status", String(status)], ...headers]);
    this.send(FrameType.HEADERS, Flag.END_HEADERS | (body ? 0 : Flag.END_STREAM), streamId, block);
    if (body) this.send(FrameType.DATA, Flag.END_STREAM, streamId, Buffer.from(body));
  }

  u32(...values: number[]): Buffer {
    const payload = Buffer.alloc(4 * values.length);
    values.forEach((value, index) => payload.writeUInt32BE(value, index * 4));
    return payload;
  }

  async close(): Promise<void> {
    this.socket.destroy();
    const closed = once(this.server, "close");
    this.server.close();
    await closed;
  }
}
