import { createCipheriv, createHmac } from "node:crypto";

/** The TLS 1.3 suites the push channel offers: AES-GCM only, so that sealing needs nothing outside node:crypto. */
export const CHANNEL_CIPHERSUITES = "TLS_AES_128_GCM_SHA256:TLS_AES_256_GCM_SHA384";

const SUITES: Record<string, { hash: string; cipher: "aes-128-gcm" | "aes-256-gcm"; keyLength: number }> = {
  TLS_AES_128_GCM_SHA256: { hash: "sha256", cipher: "aes-128-gcm", keyLength: 16 },
  TLS_AES_256_GCM_SHA384: { hash: "sha384", cipher: "aes-256-gcm", keyLength: 32 },
};

const APPLICATION_DATA = 0x17;
const TAG_LENGTH = 16;

/** HKDF-Expand-Label of RFC 8446 §7.1, with an empty context; every length used here fits one HMAC block. */
function expandLabel(hash: string, secret: Buffer, label: string, length: number): Buffer {
  const name = Buffer.from("tls13 " + label, "latin1");
  const info = Buffer.alloc(2 + 1 + name.length + 1 + 1);
  info.writeUInt16BE(length, 0);
  info[2] = name.length;
  name.copy(info, 3);
  info[3 + name.length] = 0;
  info[4 + name.length] = 1; // HKDF-Expand's counter for the first block
  return createHmac(hash, secret).update(info).digest().subarray(0, length);
}

/**
 * The server's write side of a TLS 1.3 connection whose handshake OpenSSL finished: what is needed
 * to keep sending records on it after the TLS object itself is gone. Idle, it is two short buffers
 * and a counter, where a live TLS socket holds tens of kilobytes.
 */
export class WakeSealer {
  private constructor(
    private readonly cipher: "aes-128-gcm" | "aes-256-gcm",
    private readonly key: Buffer,
    private readonly iv: Buffer,
    /** The next record's sequence number. */
    private sequence: number,
  ) {}

  /**
   * From the negotiated suite, the server's application traffic secret (as the key log gives it) and
   * the number of records the server has already sent under it (its session tickets, say).
   */
  static create(suite: string, trafficSecret: Buffer, recordsSent: number): WakeSealer | undefined {
    const known = SUITES[suite];
    if (!known) return undefined;
    return new WakeSealer(
      known.cipher,
      expandLabel(known.hash, trafficSecret, "key", known.keyLength),
      expandLabel(known.hash, trafficSecret, "iv", 12),
      recordsSent,
    );
  }

  /**
   * True once this key has sealed 2^24 records, RFC 8446 §5.5's margin for AES-GCM: the channel is
   * then closed (the device dials again and gets fresh keys) rather than updated with a KeyUpdate.
   */
  get spent(): boolean {
    return this.sequence >= 2 ** 24;
  }

  /** One application-data record carrying `content`; each call uses the next sequence number. */
  seal(content: Buffer): Buffer {
    const nonce = Buffer.from(this.iv);
    const sequence = this.sequence++;
    // The 64-bit sequence number is XORed into the last eight bytes; 2^53 records is far off.
    nonce.writeUInt32BE((nonce.readUInt32BE(4) ^ Math.floor(sequence / 2 ** 32)) >>> 0, 4);
    nonce.writeUInt32BE((nonce.readUInt32BE(8) ^ sequence) >>> 0, 8);
    const record = Buffer.allocUnsafe(5 + content.length + 1 + TAG_LENGTH);
    record[0] = APPLICATION_DATA;
    record.writeUInt16BE(0x0303, 1);
    record.writeUInt16BE(content.length + 1 + TAG_LENGTH, 3);
    const inner = Buffer.allocUnsafe(content.length + 1);
    content.copy(inner);
    inner[content.length] = APPLICATION_DATA;
    const cipher = createCipheriv(this.cipher, this.key, nonce, { authTagLength: TAG_LENGTH });
    cipher.setAAD(record.subarray(0, 5));
    // AES-GCM is a stream cipher: update() gives back exactly as many bytes as it is given.
    cipher.update(inner).copy(record, 5);
    cipher.final();
    cipher.getAuthTag().copy(record, 5 + inner.length);
    return record;
  }
}

/** The server's first application traffic secret from a key-log line, or undefined for any other line. */
export function serverTrafficSecret(line: Buffer): Buffer | undefined {
  const text = line.toString("latin1").trim();
  if (!text.startsWith("SERVER_TRAFFIC_SECRET_0 ")) return undefined;
  return Buffer.from(text.split(" ")[2] ?? "", "hex");
}
