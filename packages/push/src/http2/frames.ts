/** RFC 9113 §6: frame types, flags, settings and error codes this client uses. */
export const FrameType = {
  DATA: 0x0,
  HEADERS: 0x1,
  PRIORITY: 0x2,
  RST_STREAM: 0x3,
  SETTINGS: 0x4,
  PUSH_PROMISE: 0x5,
  PING: 0x6,
  GOAWAY: 0x7,
  WINDOW_UPDATE: 0x8,
  CONTINUATION: 0x9,
} as const;

export const Flag = {
  END_STREAM: 0x1,
  ACK: 0x1,
  END_HEADERS: 0x4,
  PADDED: 0x8,
  PRIORITY: 0x20,
} as const;

export const Setting = {
  HEADER_TABLE_SIZE: 0x1,
  ENABLE_PUSH: 0x2,
  MAX_CONCURRENT_STREAMS: 0x3,
  INITIAL_WINDOW_SIZE: 0x4,
  MAX_FRAME_SIZE: 0x5,
  MAX_HEADER_LIST_SIZE: 0x6,
} as const;

export const ErrorCode = {
  NO_ERROR: 0x0,
  PROTOCOL_ERROR: 0x1,
  INTERNAL_ERROR: 0x2,
  FLOW_CONTROL_ERROR: 0x3,
  SETTINGS_TIMEOUT: 0x4,
  STREAM_CLOSED: 0x5,
  FRAME_SIZE_ERROR: 0x6,
  REFUSED_STREAM: 0x7,
  CANCEL: 0x8,
  COMPRESSION_ERROR: 0x9,
  CONNECT_ERROR: 0xa,
  ENHANCE_YOUR_CALM: 0xb,
  INADEQUATE_SECURITY: 0xc,
  HTTP_1_1_REQUIRED: 0xd,
} as const;

const ERROR_NAMES = new Map<number, string>(Object.entries(ErrorCode).map(([name, code]) => [code, name]));

export const errorName = (code: number) => ERROR_NAMES.get(code) ?? `error 0x${code.toString(16)}`;

export const CONNECTION_PREFACE = Buffer.from("PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n", "latin1");
export const FRAME_HEADER_LENGTH = 9;
export const DEFAULT_MAX_FRAME_SIZE = 16_384;
export const MAX_FRAME_SIZE_LIMIT = 2 ** 24 - 1;
export const DEFAULT_WINDOW = 65_535;
export const MAX_WINDOW = 2 ** 31 - 1;
export const MAX_STREAM_ID = 2 ** 31 - 1;

/** A connection error (RFC 9113 §5.4.1): the whole connection ends with GOAWAY and this code. */
export class Http2ProtocolError extends Error {
  constructor(
    readonly code: number,
    message: string,
  ) {
    super(`${message} (${errorName(code)})`);
    this.name = "Http2ProtocolError";
  }
}

export interface Frame {
  type: number;
  flags: number;
  streamId: number;
  /** The payload, a view into the received bytes: valid only until the handler returns. */
  payload: Buffer;
}

/**
 * Cuts the received byte stream into frames. Bytes arrive in chunks of any size; a frame split
 * across chunks is put back together, and a frame larger than we allow is a connection error
 * before its payload is awaited.
 */
export class FrameReader {
  private pending: Buffer | undefined;
  /** SETTINGS_MAX_FRAME_SIZE as we advertise it. */
  maxFrameSize = DEFAULT_MAX_FRAME_SIZE;

  constructor(private readonly onFrame: (frame: Frame) => void) {}

  push(chunk: Buffer): void {
    let data = chunk;
    if (this.pending) {
      data = Buffer.concat([this.pending, chunk]);
      this.pending = undefined;
    }
    let at = 0;
    const end = data.length;
    while (end - at >= FRAME_HEADER_LENGTH) {
      const length = data.readUIntBE(at, 3);
      if (length > this.maxFrameSize)
        throw new Http2ProtocolError(
          ErrorCode.FRAME_SIZE_ERROR,
          `the peer sent a frame of ${length} octets, above the ${this.maxFrameSize} we allow`,
        );
      if (end - at < FRAME_HEADER_LENGTH + length) break;
      const start = at + FRAME_HEADER_LENGTH;
      this.onFrame({
        type: data[at + 3]!,
        flags: data[at + 4]!,
        streamId: data.readUInt32BE(at + 5) & MAX_STREAM_ID,
        payload: data.subarray(start, start + length),
      });
      at = start + length;
    }
    if (at < end) this.pending = data.subarray(at);
  }
}
