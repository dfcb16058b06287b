import { ErrorCode, Flag, Http2ProtocolError, type Frame } from "./frames.js";
import type { HeaderField, HpackDecoder } from "./hpack/decoder.js";
import { HpackError } from "./hpack/hpack-error.js";

/** Largest header block (HEADERS plus CONTINUATION) we put together before calling the peer abusive. */
const MAX_HEADER_BLOCK = 256 * 1024;

export interface HeaderBlock {
  streamId: number;
  fields: HeaderField[];
  endStream: boolean;
}

/**
 * Puts header blocks together from HEADERS and its CONTINUATION frames (RFC 9113 §6.2, §6.10) and
 * decodes them in the order they arrive, as HPACK needs. While a block is open, any other frame is
 * a connection error: the caller asks `open` before handling one.
 */
export class HeaderBlockReader {
  private continuing: { streamId: number; endStream: boolean; fragments: Buffer[]; size: number } | undefined;

  constructor(private readonly decoder: HpackDecoder) {}

  get open(): boolean {
    return this.continuing !== undefined;
  }

  /** A HEADERS frame: the whole block when it ends here, undefined while CONTINUATION must follow. */
  headers({ flags, streamId, payload }: Frame): HeaderBlock | undefined {
    if (streamId === 0) throw new Http2ProtocolError(ErrorCode.PROTOCOL_ERROR, "HEADERS on stream 0");
    let from = 0;
    let to = payload.length;
    if (flags & Flag.PADDED) {
      from = 1;
      to -= payload[0] ?? 0;
    }
    if (flags & Flag.PRIORITY) from += 5;
    if (from > to)
      throw new Http2ProtocolError(
        ErrorCode.PROTOCOL_ERROR,
        "HEADERS whose padding is longer than the frame",
      );
    const fragment = payload.subarray(from, to);
    const endStream = (flags & Flag.END_STREAM) !== 0;
    if (flags & Flag.END_HEADERS) return { streamId, fields: this.decode(fragment), endStream };
    // The payload is a view into bytes that are reused: keep a copy.
    this.continuing = { streamId, endStream, fragments: [Buffer.from(fragment)], size: fragment.length };
    return undefined;
  }

  continuation({ flags, streamId, payload }: Frame): HeaderBlock | undefined {
    const block = this.continuing;
    if (!block || block.streamId !== streamId)
      throw new Http2ProtocolError(ErrorCode.PROTOCOL_ERROR, "CONTINUATION that continues no header block");
    block.size += payload.length;
    if (block.size > MAX_HEADER_BLOCK)
      throw new Http2ProtocolError(
        ErrorCode.ENHANCE_YOUR_CALM,
        `a header block of more than ${MAX_HEADER_BLOCK} octets`,
      );
    block.fragments.push(Buffer.from(payload));
    if (!(flags & Flag.END_HEADERS)) return undefined;
    this.continuing = undefined;
    return { streamId, fields: this.decode(Buffer.concat(block.fragments)), endStream: block.endStream };
  }

  private decode(block: Buffer): HeaderField[] {
    try {
      return this.decoder.decode(block);
    } catch (error) {
      if (error instanceof HpackError)
        throw new Http2ProtocolError(ErrorCode.COMPRESSION_ERROR, error.message);
      throw error;
    }
  }
}
