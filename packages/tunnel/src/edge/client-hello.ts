/**
 * Reads the server name (SNI) from the first bytes of a TLS connection without terminating TLS.
 *
 * Wire format (RFC 8446 §4.1.2 and §5.1, RFC 6066 §3): TLSPlaintext records of type handshake (22) carry
 * the ClientHello, which may be split over several records; the ClientHello is legacy_version, random,
 * session id, cipher suites, compression methods, then extensions, one of which (type 0) lists the
 * server names. Every length is checked against what encloses it; nothing is trusted.
 */

export type ClientHelloParse =
  /** More bytes are needed; the caller decides how long and how much it is willing to wait for. */
  | { status: "incomplete" }
  /** A well-formed ClientHello; `serverName` is lower-cased, or undefined when the client sent none. */
  | { status: "complete"; serverName: string | undefined }
  /** Not a TLS ClientHello (`notTls`: not even a TLS record), or one that breaks its own lengths. */
  | { status: "malformed"; reason: string; notTls: boolean }
  /** The ClientHello announces more raw bytes than `maxBytes`. */
  | { status: "too_large"; declaredBytes: number };

const RECORD_HEADER = 5;
const HANDSHAKE_HEADER = 4;
const CONTENT_TYPE_HANDSHAKE = 22;
const HANDSHAKE_CLIENT_HELLO = 1;
/** TLSPlaintext.length MUST NOT exceed 2^14 (RFC 8446 §5.1). */
const MAX_RECORD_PAYLOAD = 16_384;
const EXTENSION_SERVER_NAME = 0;
const NAME_TYPE_HOST_NAME = 0;

class Malformed extends Error {}

/** Bounds-checked reads over one buffer; any overrun is a malformed message, never an exception out. */
class Reader {
  private offset = 0;
  constructor(private readonly buffer: Buffer) {}

  get remaining(): number {
    return this.buffer.length - this.offset;
  }

  u8(what: string): number {
    this.need(1, what);
    return this.buffer[this.offset++]!;
  }

  u16(what: string): number {
    this.need(2, what);
    const value = this.buffer.readUInt16BE(this.offset);
    this.offset += 2;
    return value;
  }

  bytes(length: number, what: string): Buffer {
    this.need(length, what);
    const slice = this.buffer.subarray(this.offset, this.offset + length);
    this.offset += length;
    return slice;
  }

  /** A vector with a 1- or 2-byte length prefix (RFC 8446 §3.4). */
  vector(lengthBytes: 1 | 2, what: string): Buffer {
    const length = lengthBytes === 1 ? this.u8(what) : this.u16(what);
    return this.bytes(length, what);
  }

  private need(length: number, what: string): void {
    if (this.remaining < length) throw new Malformed(`${what} runs past the end of its enclosing field`);
  }
}

/**
 * Parses `data` (everything read from the connection so far). Never throws; call again with more bytes
 * while it answers "incomplete". `maxBytes` caps the raw bytes (record headers included) a ClientHello
 * may take. Bytes after the ClientHello (early data, a compatibility
 * change_cipher_spec) are allowed: they belong to the server, not to us.
 */
export function parseClientHello(data: Buffer, maxBytes = 16_384): ClientHelloParse {
  try {
    return parseRecords(data, maxBytes);
  } catch (error) {
    if (error instanceof Malformed) return { status: "malformed", reason: error.message, notTls: false };
    throw error;
  }
}

function parseRecords(data: Buffer, maxBytes: number): ClientHelloParse {
  const fragments: Buffer[] = [];
  let collected = 0;
  let offset = 0;
  let messageLength: number | undefined;
  for (;;) {
    if (data.length - offset < 1) return { status: "incomplete" };
    if (data[offset] !== CONTENT_TYPE_HANDSHAKE) {
      return offset === 0
        ? { status: "malformed", reason: "the connection did not start with a TLS handshake", notTls: true }
        : { status: "malformed", reason: "a non-handshake record interrupts the ClientHello", notTls: false };
    }
    if (data.length - offset < RECORD_HEADER) return { status: "incomplete" };
    if (data[offset + 1] !== 3) {
      const reason = "the record version is not TLS (3.x)";
      return { status: "malformed", reason, notTls: offset === 0 };
    }
    const recordLength = data.readUInt16BE(offset + 3);
    if (recordLength === 0) throw new Malformed("an empty handshake record");
    if (recordLength > MAX_RECORD_PAYLOAD)
      throw new Malformed(`a record of ${recordLength} bytes (over 2^14)`);
    // Refuse as soon as a length announces more than the cap, before waiting for those bytes.
    if (offset + RECORD_HEADER + recordLength > maxBytes)
      return { status: "too_large", declaredBytes: offset + RECORD_HEADER + recordLength };
    if (data.length - offset - RECORD_HEADER < recordLength) return { status: "incomplete" };
    const fragment = data.subarray(offset + RECORD_HEADER, offset + RECORD_HEADER + recordLength);
    offset += RECORD_HEADER + recordLength;
    fragments.push(fragment);
    collected += fragment.length;

    if (messageLength === undefined && collected >= HANDSHAKE_HEADER) {
      const header = Buffer.concat(fragments).subarray(0, HANDSHAKE_HEADER);
      if (header[0] !== HANDSHAKE_CLIENT_HELLO)
        throw new Malformed("the first handshake message is not a ClientHello");
      messageLength = header.readUIntBE(1, 3);
      const declaredBytes = RECORD_HEADER + HANDSHAKE_HEADER + messageLength;
      if (declaredBytes > maxBytes) return { status: "too_large", declaredBytes };
    }
    if (messageLength !== undefined && collected >= HANDSHAKE_HEADER + messageLength) {
      const message = Buffer.concat(fragments, collected);
      const serverName = parseClientHelloBody(
        message.subarray(HANDSHAKE_HEADER, HANDSHAKE_HEADER + messageLength),
      );
      return { status: "complete", serverName };
    }
  }
}

function parseClientHelloBody(body: Buffer): string | undefined {
  const reader = new Reader(body);
  const major = reader.u8("legacy_version");
  reader.u8("legacy_version");
  if (major !== 3) throw new Malformed("the ClientHello version is not TLS (3.x)");
  reader.bytes(32, "random");
  const sessionId = reader.vector(1, "legacy_session_id");
  if (sessionId.length > 32) throw new Malformed("a session id longer than 32 bytes");
  const cipherSuites = reader.vector(2, "cipher_suites");
  if (cipherSuites.length < 2 || cipherSuites.length % 2 !== 0)
    throw new Malformed("the cipher suite list is empty or of odd length");
  const compression = reader.vector(1, "legacy_compression_methods");
  if (compression.length < 1) throw new Malformed("the compression method list is empty");
  // Before TLS 1.2 a ClientHello could end here; such a client sends no server name.
  if (reader.remaining === 0) return undefined;

  const extensions = new Reader(reader.vector(2, "extensions"));
  if (reader.remaining !== 0) throw new Malformed("bytes follow the extensions");
  const seen = new Set<number>();
  let serverName: string | undefined;
  while (extensions.remaining > 0) {
    const type = extensions.u16("extension type");
    const data = extensions.vector(2, "extension data");
    if (seen.has(type)) throw new Malformed(`extension ${type} appears twice`);
    seen.add(type);
    if (type === EXTENSION_SERVER_NAME) serverName = parseServerNameExtension(data);
  }
  return serverName;
}

function parseServerNameExtension(data: Buffer): string | undefined {
  const outer = new Reader(data);
  const list = new Reader(outer.vector(2, "server_name_list"));
  if (outer.remaining !== 0) throw new Malformed("bytes follow the server name list");
  if (list.remaining === 0) throw new Malformed("an empty server name list");
  let hostName: string | undefined;
  while (list.remaining > 0) {
    const nameType = list.u8("server name type");
    const name = list.vector(2, "server name");
    if (nameType !== NAME_TYPE_HOST_NAME) continue;
    // "The ServerNameList MUST NOT contain more than one name of the same name_type" (RFC 6066 §3).
    if (hostName !== undefined) throw new Malformed("two host names in the server name list");
    hostName = validHostName(name);
  }
  return hostName;
}

const LABEL = /^[a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9_])?$/;

/** ASCII letters, digits, hyphens and underscores in dot-separated labels; lower-cased, no trailing dot. */
function validHostName(raw: Buffer): string {
  if (raw.length === 0 || raw.length > 254) throw new Malformed("a server name of impossible length");
  let name = raw.toString("latin1").toLowerCase();
  if (name.endsWith(".")) name = name.slice(0, -1);
  if (name.length > 253 || !name.split(".").every((label) => LABEL.test(label)))
    throw new Malformed("the server name is not a valid host name");
  return name;
}
