import { EventEmitter } from "node:events";
import type { Socket } from "node:net";
import {
  controlFrame,
  FrameError,
  FrameReader,
  frameHeader,
  FrameType,
  jsonObject,
  MAX_CONTROL_BYTES,
  ResetCode,
  uint32,
} from "./frames.js";
import { MuxStream, type StreamCarrier, type StreamWindows } from "./mux-stream.js";

/** What each side announces in its HELLO; the relay adds who it accepted the server as. */
export interface Hello {
  /** The stream window this side grants: the most the peer may send on a stream ahead of its reading. */
  window: number;
  /** Streams this side accepts at once (the server's is what counts; the relay opens them all). */
  maxStreams: number;
  serverId?: string;
  linkId?: string;
}

/** A reason given in GOAWAY: why a link is refused or revoked, or why the peer broke off. */
export interface GoawayReason {
  code: string;
  message: string;
}

export interface MuxSessionOptions {
  /** The relay opens streams; the server accepts them. */
  role: "relay" | "server";
  /** `hello.window` is the window each stream starts with. */
  hello: Hello;
  /** The most a stream's window grows to. Default: it stays at `hello.window`. */
  maxStreamWindow?: number;
}

export interface MuxSessionEvents {
  hello: [Hello];
  /** Server side: a device connection; `meta` is the OPEN payload, for the caller to check. */
  stream: [MuxStream, Buffer];
  /** The peer will open no more streams (draining), or refused or revoked the link (`reason`). */
  goaway: [GoawayReason | undefined];
  /** The peer broke the protocol; the session is destroyed right after. */
  error: [Error];
  close: [];
}

/** The most of one turn of the event loop spent reading the link; see `yieldIfBusy`. */
const READ_TURN_MS = 20;

/** Beyond this much unsent on the socket, a stream's writer waits until its bytes have gone. */
const SOCKET_BACKLOG_BYTES = 512 * 1024;

/**
 * Many device streams over one TLS connection (decision 19): frames, per-stream credit, PING for the
 * heartbeat and GOAWAY for draining and refusals. The socket is read whatever the streams' readers
 * do (at most READ_TURN_MS of each turn of the event loop); what bounds the memory a stream can take
 * is its credit.
 */
export class MuxSession extends EventEmitter<MuxSessionEvents> implements StreamCarrier {
  private readonly streams = new Map<number, MuxStream>();
  private readonly reader: FrameReader;
  private peer: Hello | undefined;
  /** The highest stream id opened so far (by the relay, whichever side this is). */
  private lastStreamId = 0;
  private readonly pings = new Map<bigint, () => void>();
  private nextPing = 0n;
  private corked = false;
  /** When this turn of the event loop began reading the link. */
  private turnStartedAt: number | undefined;
  /** What was read but left for the next turn; the socket is paused meanwhile. */
  private backlog: Buffer | undefined;
  private goawaySent = false;
  private goawayReceived = false;
  private closeWhenIdle = false;
  destroyed = false;
  private readonly windows: StreamWindows;

  constructor(
    readonly socket: Socket,
    private readonly options: MuxSessionOptions,
  ) {
    super();
    this.windows = {
      initial: options.hello.window,
      max: Math.max(options.hello.window, options.maxStreamWindow ?? 0),
    };
    this.reader = new FrameReader({
      data: (streamId, bytes) => this.onData(streamId, bytes),
      control: (type, streamId, payload) => this.onControl(type, streamId, payload),
    });
    socket.setNoDelay?.(true);
    socket.on("data", (chunk: Buffer) => {
      // Only while pausing takes effect: what arrives goes behind what waits for the next turn.
      if (this.backlog) this.backlog = Buffer.concat([this.backlog, chunk]);
      else this.read(chunk);
    });
    socket.on("error", () => {}); // The close that follows ends the session.
    socket.once("close", () => this.destroy());
    if (options.role === "server") this.sendHello(options.hello);
  }

  private read(chunk: Buffer): void {
    if (this.destroyed) return;
    try {
      const taken = this.reader.push(chunk, () => this.turnUsedUp());
      if (taken < chunk.length) this.waitForNextTurn(chunk.subarray(taken));
    } catch (error) {
      if (error instanceof FrameError) return this.protocolError(error.message);
      // A fault of ours while handling a frame ends this link, not the process and every other link.
      this.fail(new Error(`The link failed while reading a frame: ${String(error)}`));
    }
  }

  /**
   * Reading the link is given at most READ_TURN_MS of each turn of the event loop: a backlog of
   * frames (a crowd of devices connecting at once, each stream's first bytes a TLS handshake for the
   * handler) would otherwise be worked through in one go, holding up timers, the database and the
   * heartbeat for seconds, until the peer gave the link up for dead. The rest waits for the next turn.
   */
  private turnUsedUp(): boolean {
    const now = performance.now();
    if (this.turnStartedAt === undefined) {
      this.turnStartedAt = now;
      setImmediate(() => this.nextTurn());
    }
    return now - this.turnStartedAt > READ_TURN_MS;
  }

  private waitForNextTurn(rest: Buffer): void {
    this.backlog = rest;
    this.socket.pause();
  }

  private nextTurn(): void {
    this.turnStartedAt = undefined;
    const rest = this.backlog;
    if (!rest) return;
    this.backlog = undefined;
    this.read(rest);
    if (!this.backlog && !this.destroyed) this.socket.resume();
  }

  /** No new streams: a GOAWAY went one way or the other, or the session is gone. */
  get closed(): boolean {
    return this.destroyed || this.goawaySent || this.goawayReceived;
  }

  /** Streams open on the link: neither reset nor ended both ways. */
  get streamCount(): number {
    return this.streams.size;
  }

  /** Relay side: the HELLO that accepts the server, after the server's own. */
  sendHello(hello: Hello): void {
    this.write(controlFrame(FrameType.hello, 0, Buffer.from(JSON.stringify(hello))));
  }

  /** Relay side: a new stream carrying `meta` in its OPEN frame. Throws when the link cannot take one. */
  open(meta: Buffer): MuxStream {
    if (this.options.role !== "relay") throw new Error("Only the relay opens streams.");
    if (this.closed || !this.peer) throw new Error("The link is not open for new streams.");
    if (this.streams.size >= this.peer.maxStreams)
      throw new Error(`The link already carries ${this.peer.maxStreams} streams, its limit.`);
    const id = ++this.lastStreamId;
    const stream = new MuxStream(this, id, this.peer.window, this.windows);
    this.streams.set(id, stream);
    this.write(controlFrame(FrameType.open, id, meta));
    return stream;
  }

  /** Sends PING; `answered` runs when its PONG arrives. */
  ping(answered: () => void): void {
    if (this.destroyed) throw new Error("The link is closed.");
    const id = this.nextPing++;
    const payload = Buffer.allocUnsafe(8);
    payload.writeBigUInt64BE(id);
    this.pings.set(id, answered);
    this.write(controlFrame(FrameType.ping, 0, payload));
  }

  /** Tells the peer no more streams will start here, giving a reason when the link is refused or revoked. */
  goaway(reason?: GoawayReason): void {
    if (this.destroyed || this.goawaySent) return;
    this.goawaySent = true;
    const payload = reason ? Buffer.from(JSON.stringify(reason)).subarray(0, MAX_CONTROL_BYTES) : undefined;
    this.write(controlFrame(FrameType.goaway, 0, payload));
  }

  /** GOAWAY, then the connection ends once the streams it carries have finished. */
  close(): void {
    this.goaway();
    this.closeWhenIdle = true;
    this.endIfIdle();
  }

  /**
   * Ends the connection and every stream on it now. With `flush`, what was already written (a
   * GOAWAY saying why) is sent before the connection closes.
   */
  destroy(flush = false): void {
    if (this.destroyed) return;
    this.destroyed = true;
    for (const stream of this.streams.values()) stream.destroy();
    this.streams.clear();
    this.pings.clear();
    if (flush) {
      this.socket.end();
      setTimeout(() => this.socket.destroy(), 1_000).unref();
    } else this.socket.destroy();
    this.emit("close");
  }

  // StreamCarrier: what the streams call.

  sendData(streamId: number, bytes: Buffer, written?: () => void): void {
    if (this.destroyed) return written?.();
    // While the socket holds a backlog, the stream's writer waits until its own bytes have gone.
    const backedUp = this.socket.writableLength >= SOCKET_BACKLOG_BYTES;
    this.corkUntilNextTick();
    this.socket.write(frameHeader(FrameType.data, streamId, bytes.length));
    this.socket.write(bytes, backedUp && written ? () => written() : undefined);
    if (!backedUp) written?.();
  }

  sendEnd(streamId: number): void {
    this.write(controlFrame(FrameType.end, streamId));
  }

  sendReset(streamId: number, code: ResetCode): void {
    this.write(controlFrame(FrameType.reset, streamId, uint32(code)));
  }

  sendCredit(streamId: number, bytes: number): void {
    this.write(controlFrame(FrameType.credit, streamId, uint32(bytes)));
  }

  forget(streamId: number): void {
    this.streams.delete(streamId);
    this.endIfIdle();
  }

  /**
   * Frames written in one turn of the event loop (the answers to one read: credits, a device's
   * reply, a PONG) go to TLS together, as few records and one system call instead of one each.
   */
  private corkUntilNextTick(): void {
    if (this.corked) return;
    this.corked = true;
    this.socket.cork();
    process.nextTick(() => {
      this.corked = false;
      this.socket.uncork();
    });
  }

  private write(frame: Buffer): void {
    if (this.destroyed || !this.socket.writable) return;
    this.corkUntilNextTick();
    this.socket.write(frame);
  }

  private endIfIdle(): void {
    if (!this.closeWhenIdle || this.streams.size > 0 || this.destroyed) return;
    this.destroy(true);
  }

  private onData(streamId: number, bytes: Buffer): void {
    if (this.destroyed) return;
    const stream = this.streams.get(streamId);
    if (!stream) {
      if (streamId > this.lastStreamId)
        this.protocolError(`DATA on stream ${streamId}, which was never opened`);
      return; // A stream closed here while the peer was still sending.
    }
    if (bytes.length > 0 && !stream.received(bytes))
      stream.reset(ResetCode.flowControl, new Error("The peer sent more than the stream's window allowed."));
  }

  private onControl(type: FrameType, streamId: number, payload: Buffer): void {
    if (this.destroyed) return;
    switch (type) {
      case FrameType.hello:
        return this.onHello(payload);
      case FrameType.open:
        return this.onOpen(streamId, payload);
      case FrameType.ping:
        if (payload.length !== 8) return this.protocolError("a PING must carry 8 bytes");
        return this.write(controlFrame(FrameType.pong, 0, payload));
      case FrameType.pong: {
        if (payload.length !== 8) return this.protocolError("a PONG must carry 8 bytes");
        const id = payload.readBigUInt64BE();
        const answered = this.pings.get(id);
        this.pings.delete(id);
        return answered?.();
      }
      case FrameType.goaway:
        this.goawayReceived = true;
        return void this.emit("goaway", parseReason(payload));
    }
    if (streamId > this.lastStreamId)
      return this.protocolError(`a frame of type ${type} on stream ${streamId}, which was never opened`);
    const stream = this.streams.get(streamId);
    if (!stream) return; // Already closed here.
    if (type === FrameType.end) return stream.remoteEnd();
    if (payload.length !== 4) return this.protocolError(`a frame of type ${type} must carry 4 bytes`);
    if (type === FrameType.reset) return stream.remoteReset(payload.readUInt32BE());
    const credit = payload.readUInt32BE();
    if (credit === 0 || credit > 2 ** 31) return this.protocolError(`a credit of ${credit} bytes`);
    stream.credited(credit);
  }

  private onHello(payload: Buffer): void {
    if (this.peer) return this.protocolError("a second HELLO");
    const hello = parseHello(payload);
    if (!hello) return this.protocolError("a malformed HELLO");
    this.peer = hello;
    this.emit("hello", hello);
  }

  private onOpen(streamId: number, meta: Buffer): void {
    if (this.options.role !== "server") return this.protocolError("the server opened a stream");
    if (!this.peer) return this.protocolError("a stream opened before HELLO");
    if (streamId <= this.lastStreamId)
      return this.protocolError(`stream ${streamId} opened twice or out of order`);
    this.lastStreamId = streamId;
    if (this.goawaySent || this.streams.size >= this.options.hello.maxStreams) {
      this.sendReset(streamId, ResetCode.refused);
      return;
    }
    const stream = new MuxStream(this, streamId, this.peer.window, this.windows);
    this.streams.set(streamId, stream);
    this.emit("stream", stream, meta);
  }

  private protocolError(message: string): void {
    if (this.destroyed) return;
    this.goaway({ code: "protocol_error", message });
    this.fail(new Error(`The peer broke the link protocol: ${message}.`), true);
  }

  /** Reports why the link ends (to whoever listens), then ends it. */
  private fail(error: Error, flush = false): void {
    if (this.listenerCount("error") > 0) this.emit("error", error);
    this.destroy(flush);
  }
}

function parseHello(payload: Buffer): Hello | undefined {
  const value = jsonObject(payload);
  if (!value) return undefined;
  const { window, maxStreams, serverId, linkId } = value;
  const count = (n: unknown, min: number) =>
    typeof n === "number" && Number.isInteger(n) && n >= min && n <= 2 ** 31;
  if (!count(window, 1024) || !count(maxStreams, 1)) return undefined;
  if (serverId !== undefined && typeof serverId !== "string") return undefined;
  if (linkId !== undefined && typeof linkId !== "string") return undefined;
  return { window: window as number, maxStreams: maxStreams as number, serverId, linkId };
}

function parseReason(payload: Buffer): GoawayReason | undefined {
  if (payload.length === 0) return undefined;
  const value = jsonObject(payload);
  if (typeof value?.code === "string" && typeof value.message === "string")
    return { code: value.code, message: value.message };
  return { code: "unknown", message: payload.toString("utf8").slice(0, 200) };
}
