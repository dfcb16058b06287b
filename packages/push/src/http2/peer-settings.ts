import {
  DEFAULT_MAX_FRAME_SIZE,
  DEFAULT_WINDOW,
  ErrorCode,
  Http2ProtocolError,
  MAX_FRAME_SIZE_LIMIT,
  MAX_WINDOW,
  Setting,
} from "./frames.js";

/** What the peer's SETTINGS frames have said so far (RFC 9113 §6.5.2). */
export interface PeerSettings {
  headerTableSize: number;
  /** One until the peer's first SETTINGS: APNs allows one stream before a token is accepted anyway. */
  maxConcurrentStreams: number;
  initialWindowSize: number;
  maxFrameSize: number;
}

export const initialPeerSettings = (): PeerSettings => ({
  headerTableSize: 4096,
  maxConcurrentStreams: 1,
  initialWindowSize: DEFAULT_WINDOW,
  maxFrameSize: DEFAULT_MAX_FRAME_SIZE,
});

/**
 * Applies one SETTINGS payload to `settings`, refusing values the RFC forbids. A first SETTINGS
 * without MAX_CONCURRENT_STREAMS means no limit; we take that as a generous but finite number.
 */
export function applySettings(settings: PeerSettings, payload: Buffer, first: boolean): void {
  if (payload.length % 6 !== 0)
    throw new Http2ProtocolError(
      ErrorCode.FRAME_SIZE_ERROR,
      `a SETTINGS frame of ${payload.length} octets, not a multiple of 6`,
    );
  if (first) settings.maxConcurrentStreams = UNLIMITED_STREAMS;
  for (let at = 0; at < payload.length; at += 6) {
    const id = payload.readUInt16BE(at);
    const value = payload.readUInt32BE(at + 2);
    switch (id) {
      case Setting.HEADER_TABLE_SIZE:
        settings.headerTableSize = value;
        break;
      case Setting.ENABLE_PUSH:
        if (value > 1)
          throw new Http2ProtocolError(ErrorCode.PROTOCOL_ERROR, `SETTINGS_ENABLE_PUSH of ${value}`);
        break;
      case Setting.MAX_CONCURRENT_STREAMS:
        settings.maxConcurrentStreams = value;
        break;
      case Setting.INITIAL_WINDOW_SIZE:
        if (value > MAX_WINDOW)
          throw new Http2ProtocolError(
            ErrorCode.FLOW_CONTROL_ERROR,
            `SETTINGS_INITIAL_WINDOW_SIZE of ${value}, above 2^31-1`,
          );
        settings.initialWindowSize = value;
        break;
      case Setting.MAX_FRAME_SIZE:
        if (value < DEFAULT_MAX_FRAME_SIZE || value > MAX_FRAME_SIZE_LIMIT)
          throw new Http2ProtocolError(
            ErrorCode.PROTOCOL_ERROR,
            `SETTINGS_MAX_FRAME_SIZE of ${value}, outside 16384 to 2^24-1`,
          );
        settings.maxFrameSize = value;
        break;
      default:
        // MAX_HEADER_LIST_SIZE is advice, and unknown settings must be ignored.
        break;
    }
  }
}

/** Streams we open at most when the peer sets no limit. */
const UNLIMITED_STREAMS = 1000;

/** Our SETTINGS: no server push. Everything else stays at the RFC's defaults. */
export function ourSettingsPayload(): Buffer {
  const payload = Buffer.alloc(6);
  payload.writeUInt16BE(Setting.ENABLE_PUSH, 0);
  payload.writeUInt32BE(0, 2);
  return payload;
}
