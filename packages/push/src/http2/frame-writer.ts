import type { Socket } from "node:net";
import { FRAME_HEADER_LENGTH, FrameType } from "./frames.js";

const CHUNK = 64 * 1024;

/**
 * Frames written in one turn of the event loop leave in one socket write: they are laid end to end
 * in a chunk of memory and handed to the socket from setImmediate, once the responses that arrived
 * together and the requests they set off have all been written. Bytes already handed over are never
 * touched again; a new chunk starts when the current one is full.
 */
export class FrameWriter {
  private chunk = Buffer.allocUnsafe(CHUNK);
  private start = 0;
  private end = 0;
  private scheduled = false;
  private stopped = false;

  constructor(private readonly socket: Socket) {}

  /** Room for `size` more octets; returns the buffer and the offset to write at. */
  reserve(size: number): Buffer {
    if (this.end + size > this.chunk.length) {
      const carried = this.end - this.start;
      const next = Buffer.allocUnsafe(Math.max(CHUNK, carried + size));
      this.chunk.copy(next, 0, this.start, this.end);
      this.chunk = next;
      this.start = 0;
      this.end = carried;
    }
    return this.chunk;
  }

  get offset(): number {
    return this.end;
  }

  /** Marks `size` octets written at `offset` as part of the next write. */
  commit(size: number): void {
    this.end += size;
    if (!this.scheduled && !this.stopped) {
      this.scheduled = true;
      setImmediate(this.flush);
    }
  }

  /** Writes a whole frame: header and payload. */
  frame(
    type: number,
    flags: number,
    streamId: number,
    payload?: Buffer,
    from = 0,
    to = payload?.length ?? 0,
  ): void {
    const length = to - from;
    const out = this.reserve(FRAME_HEADER_LENGTH + length);
    const at = this.end;
    writeFrameHeader(out, at, length, type, flags, streamId);
    if (payload) payload.copy(out, at + FRAME_HEADER_LENGTH, from, to);
    this.commit(FRAME_HEADER_LENGTH + length);
  }

  windowUpdate(streamId: number, increment: number): void {
    const out = this.reserve(FRAME_HEADER_LENGTH + 4);
    const at = this.end;
    writeFrameHeader(out, at, 4, FrameType.WINDOW_UPDATE, 0, streamId);
    out.writeUInt32BE(increment, at + FRAME_HEADER_LENGTH);
    this.commit(FRAME_HEADER_LENGTH + 4);
  }

  resetStream(streamId: number, code: number): void {
    const out = this.reserve(FRAME_HEADER_LENGTH + 4);
    const at = this.end;
    writeFrameHeader(out, at, 4, FrameType.RST_STREAM, 0, streamId);
    out.writeUInt32BE(code, at + FRAME_HEADER_LENGTH);
    this.commit(FRAME_HEADER_LENGTH + 4);
  }

  /** GOAWAY from a client: it accepts no streams from the peer, so the last it processed is always 0. */
  goAway(code: number, debug: string): void {
    const payload = Buffer.alloc(8 + Buffer.byteLength(debug));
    payload.writeUInt32BE(0, 0);
    payload.writeUInt32BE(code, 4);
    payload.write(debug, 8);
    this.frame(FrameType.GOAWAY, 0, 0, payload);
  }

  /** Sends what is buffered now instead of at the end of this turn (before the socket is ended). */
  readonly flush = (): void => {
    this.scheduled = false;
    if (this.end === this.start || this.stopped) return;
    this.socket.write(this.chunk.subarray(this.start, this.end));
    this.start = this.end;
  };

  /** No more writes: the socket is gone. */
  stop(): void {
    this.stopped = true;
  }
}

export function writeFrameHeader(
  out: Buffer,
  at: number,
  length: number,
  type: number,
  flags: number,
  streamId: number,
): void {
  out[at] = length >>> 16;
  out[at + 1] = (length >>> 8) & 0xff;
  out[at + 2] = length & 0xff;
  out[at + 3] = type;
  out[at + 4] = flags;
  out.writeUInt32BE(streamId, at + 5);
}
