import { FrameWriter, writeFrameHeader } from "./frame-writer.js";
import {
  DEFAULT_WINDOW,
  ErrorCode,
  Flag,
  FRAME_HEADER_LENGTH,
  FrameType,
  Http2ProtocolError,
  MAX_WINDOW,
} from "./frames.js";
import { HpackEncoder } from "./hpack/encoder.js";
import type { PeerSettings } from "./peer-settings.js";
import type { ClientStream } from "./stream.js";

/**
 * The sending half of a connection: a request's header block (split into CONTINUATION frames when
 * larger than the peer's frame size) and its body as DATA, within the stream's and the connection's
 * send windows. A body the windows hold back waits here until WINDOW_UPDATE or SETTINGS opens them.
 */
export class RequestWriter {
  private readonly encoder: HpackEncoder;
  private scratch = Buffer.allocUnsafe(4096);
  private blocked: ClientStream[] = [];
  /** How much DATA the peer lets the whole connection send now. */
  private sendWindow = DEFAULT_WINDOW;

  constructor(
    private readonly writer: FrameWriter,
    private readonly peer: Readonly<PeerSettings>,
    private readonly authority: string,
    unindexedHeaders?: ReadonlySet<string>,
  ) {
    this.encoder = new HpackEncoder(unindexedHeaders);
  }

  /** Headers and as much of the body as the windows allow, on the stream id already given. */
  write(stream: ClientStream): void {
    this.writeHeaders(stream);
    if (stream.body) this.sendBody(stream);
  }

  /** The peer's HEADER_TABLE_SIZE changed. */
  setPeerTableSize(size: number): void {
    this.encoder.setPeerTableSize(size);
  }

  /** A connection-level WINDOW_UPDATE. */
  growConnectionWindow(increment: number): void {
    this.sendWindow += increment;
    if (this.sendWindow > MAX_WINDOW)
      throw new Http2ProtocolError(ErrorCode.FLOW_CONTROL_ERROR, "a connection window above 2^31-1");
  }

  /** Sends what the windows now allow of the bodies held back; `open` says which streams still are. */
  resume(open: (stream: ClientStream) => boolean): void {
    if (this.blocked.length === 0) return;
    const waiting = this.blocked;
    this.blocked = [];
    for (const stream of waiting) if (stream.body && open(stream)) this.sendBody(stream);
  }

  /** The stream ended or failed: nothing more of its body goes out. */
  forget(stream: ClientStream): void {
    if (!stream.body) return;
    const at = this.blocked.indexOf(stream);
    if (at >= 0) this.blocked.splice(at, 1);
  }

  forgetAll(): void {
    this.blocked = [];
  }

  private writeHeaders(stream: ClientStream): void {
    const { headers } = stream;
    let bound = HpackEncoder.BEGIN_BOUND + HpackEncoder.fieldBound(":authority", this.authority) + 20;
    for (const name in headers) bound += HpackEncoder.fieldBound(name, headers[name]!);
    if (this.scratch.length < bound)
      this.scratch = Buffer.allocUnsafe(Math.max(bound, 2 * this.scratch.length));
    const block = this.scratch;
    let end = this.encoder.begin(block, 0);
    end = this.encoder.field(":scheme", "https", block, end);
    end = this.encoder.field(":authority", this.authority, block, end);
    for (const name in headers) end = this.encoder.field(name, headers[name]!, block, end);

    const endStream = stream.body === undefined ? Flag.END_STREAM : 0;
    const maxFrame = this.peer.maxFrameSize;
    if (end <= maxFrame) {
      const out = this.writer.reserve(FRAME_HEADER_LENGTH + end);
      const at = this.writer.offset;
      writeFrameHeader(out, at, end, FrameType.HEADERS, Flag.END_HEADERS | endStream, stream.id);
      block.copy(out, at + FRAME_HEADER_LENGTH, 0, end);
      this.writer.commit(FRAME_HEADER_LENGTH + end);
      return;
    }
    // A block larger than a frame continues in CONTINUATION frames, with nothing in between.
    for (let from = 0; from < end; from += maxFrame) {
      const to = Math.min(end, from + maxFrame);
      const type = from === 0 ? FrameType.HEADERS : FrameType.CONTINUATION;
      const flags = (from === 0 ? endStream : 0) | (to === end ? Flag.END_HEADERS : 0);
      this.writer.frame(type, flags, stream.id, block, from, to);
    }
  }

  private sendBody(stream: ClientStream): void {
    const body = stream.body!;
    while (stream.bodyOffset < body.length) {
      const size = Math.min(
        body.length - stream.bodyOffset,
        stream.sendWindow,
        this.sendWindow,
        this.peer.maxFrameSize,
      );
      if (size <= 0) {
        if (!this.blocked.includes(stream)) this.blocked.push(stream);
        return;
      }
      const to = stream.bodyOffset + size;
      const flags = to === body.length ? Flag.END_STREAM : 0;
      this.writer.frame(FrameType.DATA, flags, stream.id, body, stream.bodyOffset, to);
      stream.bodyOffset = to;
      stream.sendWindow -= size;
      this.sendWindow -= size;
    }
    stream.body = undefined;
  }
}
