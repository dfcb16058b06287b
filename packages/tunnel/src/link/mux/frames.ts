/**
 * The link's framing (ALPN `meridian-link/2`, decision 19). Every frame is a 9-byte header, then the
 * payload:
 *
 *   type (1 byte) · stream id (4 bytes, big-endian) · payload length (4 bytes, big-endian)
 *
 * Stream 0 is the link itself (HELLO, PING, PONG, GOAWAY); the relay opens every other stream, with
 * ids that only grow.
 */
export const FrameType = {
  /** Stream 0, each side once, first: what it announces (JSON). */
  hello: 1,
  /** Relay to server: a new device connection; the payload is its metadata (JSON). */
  open: 2,
  data: 3,
  /** The sender has finished sending on the stream (a half-close). */
  end: 4,
  /** The stream is cut both ways; 4-byte reason code. */
  reset: 5,
  /** 4 bytes: how many more bytes the receiver of this frame may send on the stream. */
  credit: 6,
  /** Stream 0, 8 opaque bytes, answered by PONG with the same bytes. */
  ping: 7,
  pong: 8,
  /** Stream 0: no new streams on this link; JSON with a refusal when the link is refused or revoked. */
  goaway: 9,
} as const;
export type FrameType = (typeof FrameType)[keyof typeof FrameType];

export const HEADER_BYTES = 9;
/** The largest DATA payload either side sends or accepts. */
export const MAX_DATA_BYTES = 64 * 1024;
/** The largest payload of any other frame. */
export const MAX_CONTROL_BYTES = 16 * 1024;

/** Why a stream was reset. */
export const ResetCode = {
  /** One end hung up before finishing (a device that vanished): not an error of the other's. */
  cancel: 0,
  /** The server would not take the stream (bad metadata, too many streams, going away). */
  refused: 1,
  /** The peer sent more than its credit allowed. */
  flowControl: 2,
  internal: 3,
} as const;
export type ResetCode = (typeof ResetCode)[keyof typeof ResetCode];

export function frameHeader(type: FrameType, streamId: number, length: number): Buffer {
  const header = Buffer.allocUnsafe(HEADER_BYTES);
  header[0] = type;
  header.writeUInt32BE(streamId, 1);
  header.writeUInt32BE(length, 5);
  return header;
}

/** A whole control frame in one buffer. */
export function controlFrame(type: FrameType, streamId: number, payload?: Buffer): Buffer {
  const length = payload?.length ?? 0;
  const frame = Buffer.allocUnsafe(HEADER_BYTES + length);
  frame[0] = type;
  frame.writeUInt32BE(streamId, 1);
  frame.writeUInt32BE(length, 5);
  payload?.copy(frame, HEADER_BYTES);
  return frame;
}

export function uint32(value: number): Buffer {
  const buffer = Buffer.allocUnsafe(4);
  buffer.writeUInt32BE(value >>> 0, 0);
  return buffer;
}

const EMPTY = Buffer.alloc(0);

/** A frame's JSON payload as an object, or undefined when it is not one. */
export function jsonObject(payload: Buffer): Record<string, unknown> | undefined {
  let value: unknown;
  try {
    value = JSON.parse(payload.toString("utf8"));
  } catch {
    return undefined;
  }
  return typeof value === "object" && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;
}

export class FrameError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "FrameError";
  }
}

export interface FrameSink {
  /** A part of a DATA frame's payload, as soon as it arrives (a frame may come in several parts). */
  data(streamId: number, bytes: Buffer): void;
  /** Any other frame, whole. */
  control(type: FrameType, streamId: number, payload: Buffer): void;
}

/**
 * Reads frames from the link's byte stream as it arrives, in any split. DATA payloads are handed on
 * as slices of what was read, without copying; only a header split across reads, and control frames
 * split across reads, are gathered. Throws FrameError on anything that is not a frame of this
 * protocol; the link is unusable after that.
 */
export class FrameReader {
  private header = Buffer.alloc(HEADER_BYTES);
  private headerBytes = 0;
  /** The frame whose payload is being read. */
  private type: FrameType | 0 = 0;
  private streamId = 0;
  private remaining = 0;
  private control: Buffer[] = [];
  private emptyData = false;

  constructor(private readonly sink: FrameSink) {}

  /**
   * Reads what it can of `chunk`. Between frames it asks `pause`, and stops when told to: it returns
   * how many bytes it took, and the caller hands it the rest later.
   */
  push(chunk: Buffer, pause?: () => boolean): number {
    let offset = 0;
    while (offset < chunk.length) {
      if (this.type === 0) {
        if (this.headerBytes === 0 && pause?.()) return offset;
        offset = this.readHeader(chunk, offset);
        continue;
      }
      const take = Math.min(this.remaining, chunk.length - offset);
      const part = chunk.subarray(offset, offset + take);
      offset += take;
      this.remaining -= take;
      if (this.type === FrameType.data) this.sink.data(this.streamId, part);
      else this.control.push(part);
      if (this.remaining === 0) this.finishFrame();
    }
    return offset;
  }

  private readHeader(chunk: Buffer, offset: number): number {
    let header: Buffer;
    let at: number;
    if (this.headerBytes === 0 && chunk.length - offset >= HEADER_BYTES) {
      header = chunk;
      at = offset;
      offset += HEADER_BYTES;
    } else {
      const take = Math.min(HEADER_BYTES - this.headerBytes, chunk.length - offset);
      chunk.copy(this.header, this.headerBytes, offset, offset + take);
      this.headerBytes += take;
      offset += take;
      if (this.headerBytes < HEADER_BYTES) return offset;
      this.headerBytes = 0;
      header = this.header;
      at = 0;
    }
    const type = header[at]!;
    const streamId = header.readUInt32BE(at + 1);
    const length = header.readUInt32BE(at + 5);
    if (type < FrameType.hello || type > FrameType.goaway) throw new FrameError(`unknown frame type ${type}`);
    const limit = type === FrameType.data ? MAX_DATA_BYTES : MAX_CONTROL_BYTES;
    if (length > limit) throw new FrameError(`frame of type ${type} with ${length} bytes (at most ${limit})`);
    const onLink =
      type === FrameType.hello ||
      type === FrameType.ping ||
      type === FrameType.pong ||
      type === FrameType.goaway;
    if (onLink !== (streamId === 0))
      throw new FrameError(`frame of type ${type} on ${streamId === 0 ? "the link" : `stream ${streamId}`}`);
    this.type = type as FrameType;
    this.streamId = streamId;
    this.remaining = length;
    if (length === 0) {
      this.emptyData = type === FrameType.data;
      this.finishFrame();
    }
    return offset;
  }

  private finishFrame(): void {
    const type = this.type as FrameType;
    this.type = 0;
    if (type === FrameType.data) {
      // An empty DATA frame still names its stream, which must exist.
      if (this.emptyData) this.sink.data(this.streamId, EMPTY);
      this.emptyData = false;
      return;
    }
    const payload = this.control.length === 1 ? this.control[0]! : Buffer.concat(this.control);
    this.control = [];
    this.sink.control(type, this.streamId, payload);
  }
}
