import type { Socket } from "node:net";
import { PushError } from "../errors.js";
import { FrameWriter } from "./frame-writer.js";
import {
  CONNECTION_PREFACE,
  DEFAULT_WINDOW,
  ErrorCode,
  errorName,
  Flag,
  FrameReader,
  FrameType,
  Http2ProtocolError,
  MAX_STREAM_ID,
  MAX_WINDOW,
  type Frame,
} from "./frames.js";
import { HeaderBlockReader, type HeaderBlock } from "./header-block.js";
import { HpackDecoder } from "./hpack/decoder.js";
import {
  applySettings,
  initialPeerSettings,
  ourSettingsPayload,
  type PeerSettings,
} from "./peer-settings.js";
import { RequestQueue } from "./request-queue.js";
import { RequestWriter } from "./request-writer.js";
import { ClientStream, type Http2Response, type RequestHeaders } from "./stream.js";

export interface ClientConnectionOptions {
  /** A connected socket on which both sides agreed to speak h2 (ALPN), or plain TCP in tests. */
  socket: Socket;
  /** The :authority of every request: host, and port unless it is 443. */
  authority: string;
  /** How the peer is named in error messages, such as https://api.push.apple.com. */
  origin: string;
  requestTimeoutMs: number;
  /** A PING goes out after this long without a frame from the peer... */
  pingAfterIdleMs: number;
  /** ...and a connection whose PING is not answered within this long is taken for dead. */
  pingTimeoutMs: number;
  /** Header names never put in the HPACK dynamic table: values that change with each request. */
  unindexedHeaders?: ReadonlySet<string>;
  /** The first stream id; only tests start anywhere but 1, to reach exhaustion quickly. */
  firstStreamId?: number;
  /** Called once when the connection takes no more requests: GOAWAY, lost, dead or out of stream ids. */
  onRetired?: () => void;
}

/** The connection window we offer: responses are small, so this is rarely replenished. */
const CONNECTION_RECEIVE_WINDOW = 1 << 20;

/**
 * One HTTP/2 client connection (RFC 9113) written for many small requests: it opens as many streams
 * as the peer's SETTINGS_MAX_CONCURRENT_STREAMS allows and queues the rest, keeps to the peer's
 * flow-control windows and frame size, answers PINGs and sends its own when the peer is quiet, and
 * ends on GOAWAY, a lost socket or a protocol error with every request settled.
 *
 * Each request costs one header block encoding, two frame headers and one promise; frames written
 * in the same turn of the event loop go out in one socket write.
 */
export class ClientConnection {
  private readonly socket: Socket;
  private readonly writer: FrameWriter;
  private readonly requests: RequestWriter;
  private readonly reader: FrameReader;
  private readonly headerBlocks = new HeaderBlockReader(new HpackDecoder());
  private readonly peer: PeerSettings = initialPeerSettings();
  private readonly active = new Map<number, ClientStream>();
  private readonly queue = new RequestQueue();
  private nextStreamId: number;
  private receiveWindow = DEFAULT_WINDOW;
  private receivedUnacknowledged = 0;
  private sawSettings = false;
  private goingAway = false;
  private closing = false;
  private ended = false;
  private retiredNotified = false;
  private timer: NodeJS.Timeout;
  private sweeps = 0;
  private readonly sweepIntervalMs: number;
  /** Sweeps a request may wait for its answer before it times out. */
  private readonly timeoutSweeps: number;
  private lastHeard = performance.now();
  private pingSentAt: number | undefined;
  private closed: Promise<void>;
  /** The most streams open at once, for tests and tuning. */
  peakActive = 0;

  constructor(private readonly options: ClientConnectionOptions) {
    this.socket = options.socket;
    this.nextStreamId = options.firstStreamId ?? 1;
    this.writer = new FrameWriter(this.socket);
    this.requests = new RequestWriter(this.writer, this.peer, options.authority, options.unindexedHeaders);
    this.reader = new FrameReader((frame) => this.onFrame(frame));
    this.socket.setNoDelay?.(true);
    this.closed = new Promise((resolve) => this.socket.once("close", () => resolve()));
    let socketError: Error | undefined;
    this.socket.on("error", (error) => (socketError = error));
    this.socket.on("close", () => this.onSocketClosed(socketError));
    this.socket.on("data", (chunk: Buffer) => this.onData(chunk));

    const preface = this.writer.reserve(CONNECTION_PREFACE.length);
    CONNECTION_PREFACE.copy(preface, this.writer.offset);
    this.writer.commit(CONNECTION_PREFACE.length);
    this.writer.frame(FrameType.SETTINGS, 0, 0, ourSettingsPayload());
    this.writer.windowUpdate(0, CONNECTION_RECEIVE_WINDOW - DEFAULT_WINDOW);
    this.receiveWindow = CONNECTION_RECEIVE_WINDOW;

    this.sweepIntervalMs = Math.max(
      10,
      Math.min(250, options.requestTimeoutMs / 4, options.pingAfterIdleMs, options.pingTimeoutMs / 2),
    );
    this.timeoutSweeps = Math.ceil(options.requestTimeoutMs / this.sweepIntervalMs) + 1;
    this.timer = setInterval(() => this.sweep(), this.sweepIntervalMs).unref();
  }

  /** Whether new requests may go here: false after GOAWAY, close, loss, or once stream ids run out. */
  get usable(): boolean {
    return !this.goingAway && !this.closing && !this.ended && this.nextStreamId <= MAX_STREAM_ID;
  }

  /** The peer's SETTINGS_MAX_CONCURRENT_STREAMS as it stands. */
  get streamLimit(): number {
    return this.peer.maxConcurrentStreams;
  }

  get queuedRequests(): number {
    return this.queue.length;
  }

  request(headers: RequestHeaders, body?: Buffer): Promise<Http2Response> {
    return new Promise<Http2Response>((resolve, reject) => {
      if (!this.usable) {
        reject(this.unusableError());
        return;
      }
      const deadline = this.sweeps + this.timeoutSweeps;
      const stream = new ClientStream(headers, body, deadline, resolve, reject);
      if (this.queue.length === 0 && this.active.size < this.peer.maxConcurrentStreams) this.open(stream);
      else this.queue.push(stream);
    });
  }

  /** Takes no new requests, lets those in flight finish, then ends the connection. */
  close(): Promise<void> {
    if (!this.closing && !this.ended) {
      this.closing = true;
      this.failQueued(new PushError("closed", "The push client was closed."));
      this.writer.goAway(ErrorCode.NO_ERROR, "");
      this.retired();
      this.endWhenIdle();
    }
    return this.closed;
  }

  /** Ends the connection now; every request in it fails with `error`. */
  destroy(error: PushError): void {
    if (this.ended) return;
    this.ended = true;
    this.failAll(error);
    this.writer.stop();
    this.socket.destroy();
    this.retired();
  }

  private unusableError(): PushError {
    if (this.closing) return new PushError("closed", "The push client was closed.");
    return new PushError(
      "connection_failed",
      `The connection to ${this.options.origin} takes no new requests; the request was not sent.`,
    );
  }

  // ---- sending ----

  private open(stream: ClientStream): void {
    const id = this.nextStreamId;
    this.nextStreamId += 2;
    stream.id = id;
    stream.sendWindow = this.peer.initialWindowSize;
    stream.receiveWindow = DEFAULT_WINDOW;
    this.active.set(id, stream);
    if (this.active.size > this.peakActive) this.peakActive = this.active.size;
    this.requests.write(stream);
    // The last id is spent: later requests go to a new connection (RFC 9113 §5.1.1).
    if (this.nextStreamId > MAX_STREAM_ID) {
      this.failQueued(this.unusableError());
      this.retired();
    }
  }

  /** Opens streams for queued requests while the peer allows more. */
  private admit(): void {
    while (this.queue.length > 0 && this.active.size < this.peer.maxConcurrentStreams && this.usable) {
      this.open(this.queue.shift());
    }
  }

  // ---- receiving ----

  private onData(chunk: Buffer): void {
    this.lastHeard = performance.now();
    try {
      this.reader.push(chunk);
    } catch (error) {
      this.connectionError(error);
    }
  }

  private onFrame(frame: Frame): void {
    if (this.ended) return;
    if (!this.sawSettings && (frame.type !== FrameType.SETTINGS || frame.flags & Flag.ACK))
      throw new Http2ProtocolError(
        ErrorCode.PROTOCOL_ERROR,
        "the peer did not start with SETTINGS: it does not speak HTTP/2",
      );
    if (this.headerBlocks.open && frame.type !== FrameType.CONTINUATION)
      throw new Http2ProtocolError(
        ErrorCode.PROTOCOL_ERROR,
        `a frame of type ${frame.type} in the middle of a header block`,
      );
    switch (frame.type) {
      case FrameType.DATA:
        return this.onDataFrame(frame);
      case FrameType.HEADERS:
        return this.onHeaderBlock(this.headerBlocks.headers(frame));
      case FrameType.CONTINUATION:
        return this.onHeaderBlock(this.headerBlocks.continuation(frame));
      case FrameType.RST_STREAM:
        return this.onReset(frame);
      case FrameType.SETTINGS:
        return this.onSettings(frame);
      case FrameType.PING:
        return this.onPing(frame);
      case FrameType.GOAWAY:
        return this.onGoAway(frame);
      case FrameType.WINDOW_UPDATE:
        return this.onWindowUpdate(frame);
      case FrameType.PUSH_PROMISE:
        throw new Http2ProtocolError(ErrorCode.PROTOCOL_ERROR, "PUSH_PROMISE although we disabled push");
      default:
        // PRIORITY is advice we do not need; unknown frame types must be ignored (§5.5).
        return;
    }
  }

  private onSettings({ flags, streamId, payload }: Frame): void {
    if (streamId !== 0) throw new Http2ProtocolError(ErrorCode.PROTOCOL_ERROR, "SETTINGS on a stream");
    if (flags & Flag.ACK) {
      if (payload.length !== 0)
        throw new Http2ProtocolError(ErrorCode.FRAME_SIZE_ERROR, "a SETTINGS acknowledgement with a payload");
      return;
    }
    const previousWindow = this.peer.initialWindowSize;
    const previousTable = this.peer.headerTableSize;
    applySettings(this.peer, payload, !this.sawSettings);
    this.sawSettings = true;
    const delta = this.peer.initialWindowSize - previousWindow;
    if (delta !== 0)
      for (const stream of this.active.values()) {
        stream.sendWindow += delta;
        if (stream.sendWindow > MAX_WINDOW)
          throw new Http2ProtocolError(
            ErrorCode.FLOW_CONTROL_ERROR,
            "SETTINGS_INITIAL_WINDOW_SIZE took a stream window above 2^31-1",
          );
      }
    if (this.peer.headerTableSize !== previousTable)
      this.requests.setPeerTableSize(this.peer.headerTableSize);
    this.writer.frame(FrameType.SETTINGS, Flag.ACK, 0);
    this.resumeBlocked();
    this.admit();
  }

  private onHeaderBlock(block: HeaderBlock | undefined): void {
    if (!block) return;
    const stream = this.streamFor(block.streamId, "HEADERS");
    if (!stream) return;
    if (stream.status === 0) {
      const problem = stream.takeResponseHead(block.fields, block.endStream);
      if (problem) return this.streamError(stream, ErrorCode.PROTOCOL_ERROR, problem);
    }
    // Headers after the response's are trailers, which APNs does not send and we do not need.
    if (block.endStream && stream.status !== 0) this.finish(stream);
  }

  private onDataFrame({ flags, streamId, payload }: Frame): void {
    if (streamId === 0) throw new Http2ProtocolError(ErrorCode.PROTOCOL_ERROR, "DATA on stream 0");
    // Flow control counts the whole payload, padding included (§6.9.1).
    const size = payload.length;
    this.receiveWindow -= size;
    if (this.receiveWindow < 0)
      throw new Http2ProtocolError(ErrorCode.FLOW_CONTROL_ERROR, "DATA beyond the connection's window");
    this.receivedUnacknowledged += size;
    if (this.receivedUnacknowledged >= CONNECTION_RECEIVE_WINDOW / 2) {
      this.writer.windowUpdate(0, this.receivedUnacknowledged);
      this.receiveWindow += this.receivedUnacknowledged;
      this.receivedUnacknowledged = 0;
    }
    const stream = this.streamFor(streamId, "DATA");
    if (!stream) return;
    stream.receiveWindow -= size;
    if (stream.receiveWindow < 0)
      return this.streamError(stream, ErrorCode.FLOW_CONTROL_ERROR, "DATA beyond the stream's window");
    if (stream.status === 0)
      return this.streamError(stream, ErrorCode.PROTOCOL_ERROR, "DATA before the response's HEADERS");
    let from = 0;
    let to = size;
    if (flags & Flag.PADDED) {
      from = 1;
      to -= payload[0] ?? 0;
      if (from > to)
        throw new Http2ProtocolError(ErrorCode.PROTOCOL_ERROR, "DATA whose padding is longer than the frame");
    }
    stream.addData(payload.subarray(from, to));
    if (flags & Flag.END_STREAM) return this.finish(stream);
    stream.unacknowledged += size;
    if (stream.unacknowledged >= DEFAULT_WINDOW / 2) {
      this.writer.windowUpdate(stream.id, stream.unacknowledged);
      stream.receiveWindow += stream.unacknowledged;
      stream.unacknowledged = 0;
    }
  }

  private onReset({ streamId, payload }: Frame): void {
    if (streamId === 0) throw new Http2ProtocolError(ErrorCode.PROTOCOL_ERROR, "RST_STREAM on stream 0");
    if (payload.length !== 4)
      throw new Http2ProtocolError(ErrorCode.FRAME_SIZE_ERROR, `RST_STREAM of ${payload.length} octets`);
    const stream = this.streamFor(streamId, "RST_STREAM");
    if (!stream) return;
    const code = payload.readUInt32BE(0);
    this.forget(stream);
    stream.fail(
      new PushError(
        "connection_failed",
        code === ErrorCode.REFUSED_STREAM
          ? `${this.options.origin} refused the request before processing it (REFUSED_STREAM).`
          : `${this.options.origin} reset the request (HTTP/2 ${errorName(code)}).`,
      ),
    );
    this.afterStreamEnded();
  }

  private onPing({ flags, streamId, payload }: Frame): void {
    if (streamId !== 0) throw new Http2ProtocolError(ErrorCode.PROTOCOL_ERROR, "PING on a stream");
    if (payload.length !== 8)
      throw new Http2ProtocolError(ErrorCode.FRAME_SIZE_ERROR, `PING of ${payload.length} octets`);
    if (flags & Flag.ACK) this.pingSentAt = undefined;
    else this.writer.frame(FrameType.PING, Flag.ACK, 0, payload);
  }

  private onGoAway({ streamId, payload }: Frame): void {
    if (streamId !== 0) throw new Http2ProtocolError(ErrorCode.PROTOCOL_ERROR, "GOAWAY on a stream");
    if (payload.length < 8)
      throw new Http2ProtocolError(ErrorCode.FRAME_SIZE_ERROR, `GOAWAY of ${payload.length} octets`);
    const lastStreamId = payload.readUInt32BE(0) & MAX_STREAM_ID;
    const code = payload.readUInt32BE(4);
    const reason = goAwayReason(payload.subarray(8));
    this.goingAway = true;
    const said = `${this.options.origin} sent GOAWAY (${errorName(code)}${reason ? `, ${reason}` : ""})`;
    // Streams above the last one the peer processed were not acted on: they are safe to send again.
    for (const stream of [...this.active.values()])
      if (stream.id > lastStreamId) {
        this.forget(stream);
        stream.fail(new PushError("connection_failed", `${said}; the request was not processed.`));
      }
    this.failQueued(new PushError("connection_failed", `${said}; the request was not sent.`));
    this.retired();
    this.endWhenIdle();
  }

  private onWindowUpdate({ streamId, payload }: Frame): void {
    if (payload.length !== 4)
      throw new Http2ProtocolError(ErrorCode.FRAME_SIZE_ERROR, `WINDOW_UPDATE of ${payload.length} octets`);
    const increment = payload.readUInt32BE(0) & MAX_WINDOW;
    if (streamId === 0) {
      if (increment === 0)
        throw new Http2ProtocolError(ErrorCode.PROTOCOL_ERROR, "a connection WINDOW_UPDATE of 0");
      this.requests.growConnectionWindow(increment);
    } else {
      const stream = this.streamFor(streamId, "WINDOW_UPDATE");
      if (!stream) return;
      if (increment === 0) return this.streamError(stream, ErrorCode.PROTOCOL_ERROR, "a WINDOW_UPDATE of 0");
      stream.sendWindow += increment;
      if (stream.sendWindow > MAX_WINDOW)
        return this.streamError(stream, ErrorCode.FLOW_CONTROL_ERROR, "a stream window above 2^31-1");
    }
    this.resumeBlocked();
  }

  private resumeBlocked(): void {
    this.requests.resume((stream) => this.active.has(stream.id));
  }

  /** The open stream `id`, or undefined for one already closed; a stream never opened is a protocol error. */
  private streamFor(id: number, frame: string): ClientStream | undefined {
    const stream = this.active.get(id);
    if (stream) return stream;
    if (id % 2 === 0 || id >= this.nextStreamId)
      throw new Http2ProtocolError(
        ErrorCode.PROTOCOL_ERROR,
        `${frame} on stream ${id}, which we never opened`,
      );
    return undefined;
  }

  private finish(stream: ClientStream): void {
    this.forget(stream);
    // The peer answered before taking the whole body (allowed by §8.1): we stop sending it.
    if (stream.body) this.writer.resetStream(stream.id, ErrorCode.NO_ERROR);
    stream.complete();
    this.afterStreamEnded();
  }

  private forget(stream: ClientStream): void {
    this.active.delete(stream.id);
    this.requests.forget(stream);
  }

  private afterStreamEnded(): void {
    if (!this.usable) this.endWhenIdle();
    else if (this.queue.length > 0) this.admit();
  }

  /** A stream error (§5.4.2): that request fails, the connection carries on. */
  private streamError(stream: ClientStream, code: number, what: string): void {
    this.forget(stream);
    this.writer.resetStream(stream.id, code);
    stream.fail(
      new PushError(
        "connection_failed",
        `HTTP/2 error from ${this.options.origin}: ${what} (${errorName(code)}).`,
      ),
    );
    this.afterStreamEnded();
  }

  private connectionError(error: unknown): void {
    if (this.ended) return;
    const protocol = error instanceof Http2ProtocolError;
    const code = protocol ? error.code : ErrorCode.INTERNAL_ERROR;
    const message = error instanceof Error ? error.message : String(error);
    this.ended = true;
    this.failAll(
      new PushError(
        "connection_failed",
        `HTTP/2 ${protocol ? "protocol error" : "failure"} with ${this.options.origin}: ${message}.`,
        { cause: error },
      ),
    );
    // The peer hears why before the socket closes: GOAWAY goes out ahead of our end of the stream.
    this.writer.goAway(code, message.slice(0, 200));
    this.endSocket();
    this.retired();
  }

  // ---- ending ----

  private endWhenIdle(): void {
    if (this.ended || this.active.size > 0 || this.queuedRequests > 0) return;
    this.ended = true;
    clearInterval(this.timer);
    this.endSocket();
  }

  /** Sends what is written, then our end of the stream; a peer that never closes its side does not keep the socket open for ever. */
  private endSocket(): void {
    this.writer.flush();
    this.writer.stop();
    this.socket.end();
    setTimeout(() => this.socket.destroy(), 1000).unref();
  }

  private onSocketClosed(error: Error | undefined): void {
    clearInterval(this.timer);
    this.writer.stop();
    this.ended = true;
    const pending = this.active.size + this.queuedRequests;
    if (pending > 0)
      this.failAll(
        new PushError(
          "connection_failed",
          `The connection to ${this.options.origin} was lost with ${pending} request(s) unanswered` +
            `${error ? ` (${error.message})` : ""}.`,
          { cause: error },
        ),
      );
    this.retired();
  }

  private failQueued(error: PushError): void {
    for (const stream of this.queue.drain()) stream.fail(error);
  }

  private failAll(error: PushError): void {
    clearInterval(this.timer);
    const open = [...this.active.values()];
    this.active.clear();
    this.requests.forgetAll();
    for (const stream of open) stream.fail(error);
    this.failQueued(error);
  }

  private retired(): void {
    if (this.retiredNotified) return;
    this.retiredNotified = true;
    this.options.onRetired?.();
  }

  /** Fails requests past their deadline, and checks on a quiet peer with PING. */
  private sweep(): void {
    this.sweeps++;
    const timeout = () =>
      new PushError(
        "timeout",
        `${this.options.origin} did not answer within ${this.options.requestTimeoutMs} ms.`,
      );
    for (const stream of this.active.values())
      if (stream.deadline <= this.sweeps) {
        this.forget(stream);
        this.writer.resetStream(stream.id, ErrorCode.CANCEL);
        stream.fail(timeout());
      }
    if (this.queue.length > 0 && this.queue.peek().deadline <= this.sweeps) {
      const waiting = this.queue.drain();
      for (const stream of waiting)
        if (stream.deadline <= this.sweeps) stream.fail(timeout());
        else this.queue.push(stream);
    }
    this.afterStreamEnded();
    this.keepAlive();
  }

  private keepAlive(): void {
    if (this.ended) return;
    const now = performance.now();
    if (this.pingSentAt !== undefined) {
      if (now - this.pingSentAt > this.options.pingTimeoutMs)
        this.destroy(
          new PushError(
            "connection_failed",
            `${this.options.origin} did not answer a PING within ${this.options.pingTimeoutMs} ms: the connection is taken for dead.`,
          ),
        );
      return;
    }
    if (now - this.lastHeard < this.options.pingAfterIdleMs) return;
    this.pingSentAt = now;
    const payload = Buffer.alloc(8);
    payload.writeDoubleBE(now, 0);
    this.writer.frame(FrameType.PING, 0, 0, payload);
  }
}

/** APNs puts a JSON {"reason": ...} in GOAWAY's debug data; anything else is shown as text. */
function goAwayReason(debug: Buffer): string {
  if (debug.length === 0) return "";
  const text = debug.toString("utf8", 0, Math.min(debug.length, 200));
  try {
    const parsed = JSON.parse(text) as { reason?: unknown };
    if (typeof parsed.reason === "string") return parsed.reason;
  } catch {
    // Not JSON: the text itself.
  }
  return text;
}
