import type { Socket } from "node:net";
import { Duplex } from "node:stream";
import { TLSSocket, type SecureContext } from "node:tls";
import type { DeviceAuthorities, DeviceIdentity } from "./device-authorities.js";
import { serverTrafficSecret, WakeSealer } from "./wake-record.js";

const HANDSHAKE = 22;
const APPLICATION_DATA = 23;

/** A device whose handshake is done: its TCP socket, who it is, and how to write to it from now on. */
export interface AcceptedChannel extends DeviceIdentity {
  socket: Socket;
  sealer: WakeSealer;
}

/**
 * Passes the handshake's bytes between the device's TCP socket and OpenSSL, and counts the records
 * the server sends under its application key (those written after the device's last flight began),
 * so that the write side can be carried on without OpenSSL once the handshake is over.
 */
class HandshakeTap extends Duplex {
  detached = false;
  applicationRecords = 0;
  private received = 0;
  private receivedAtLastHello = -1;
  /** Parse state of the records going out: header bytes seen, and body bytes still to skip. */
  private header = Buffer.alloc(5);
  private headerSeen = 0;
  private bodyLeft = 0;

  constructor(private readonly socket: Socket) {
    super();
  }

  fromDevice(chunk: Buffer): void {
    this.received += chunk.length;
    this.push(chunk);
  }

  override _read(): void {}

  override _write(chunk: Buffer, _encoding: BufferEncoding, done: (error?: Error | null) => void): void {
    if (this.detached) return done();
    this.count(chunk);
    this.socket.write(chunk, done);
  }

  private count(chunk: Buffer): void {
    let at = 0;
    while (at < chunk.length) {
      if (this.bodyLeft > 0) {
        const skip = Math.min(this.bodyLeft, chunk.length - at);
        this.bodyLeft -= skip;
        at += skip;
        continue;
      }
      this.header[this.headerSeen++] = chunk[at++]!;
      if (this.headerSeen < 5) continue;
      this.headerSeen = 0;
      this.bodyLeft = this.header.readUInt16BE(3);
      // A plaintext handshake record is a ServerHello (or HelloRetryRequest): the device's next
      // flight is yet to come, and only records sent after it arrives use the application key.
      if (this.header[0] === HANDSHAKE) this.receivedAtLastHello = this.received;
      else if (this.header[0] === APPLICATION_DATA && this.received > this.receivedAtLastHello)
        this.applicationRecords++;
    }
  }
}

export interface HandshakeOptions {
  secureContext: SecureContext;
  authorities: DeviceAuthorities;
  /** A device must finish its handshake within this. */
  handshakeTimeoutMs: number;
  /** Told of every device refused, with the reason. */
  onRefused(reason: string, remoteAddress: string | undefined): void;
}

/**
 * Runs a device's TLS 1.3 handshake (client certificate required) on its TCP socket, checks the
 * certificate against the registered device CAs, and gives back the bare socket with the server's
 * traffic key: the TLS object, with its buffers, is dropped as soon as the server's last handshake
 * record (its session tickets) is out. Resolves undefined for a device that is refused or gone.
 */
export function acceptChannel(
  socket: Socket,
  options: HandshakeOptions,
): Promise<AcceptedChannel | undefined> {
  return new Promise((resolve) => {
    const tap = new HandshakeTap(socket);
    const tls = new TLSSocket(tap, {
      isServer: true,
      secureContext: options.secureContext,
      requestCert: true,
      rejectUnauthorized: false,
    });
    let secret: Buffer | undefined;
    let settled = false;
    const onData = (chunk: Buffer) => tap.fromDevice(chunk);
    const onEnd = () => tap.push(null);
    const fail = () => {
      if (settled) return;
      settled = true;
      clearTimeout(deadline);
      socket.off("data", onData);
      socket.off("end", onEnd);
      tap.detached = true;
      tls.destroy();
      socket.destroy();
      resolve(undefined);
    };
    const deadline = setTimeout(fail, options.handshakeTimeoutMs);
    // Whatever the edge read ahead (the ClientHello) is already in the socket's buffer. It is taken
    // before the data listener goes on, as read() would also emit it to that listener.
    for (let chunk: Buffer | null; (chunk = socket.read() as Buffer | null) !== null;) tap.fromDevice(chunk);
    socket.on("data", onData);
    socket.on("end", onEnd);
    socket.on("error", fail);
    socket.on("close", fail);
    tls.on("error", fail);
    tls.on("close", fail);
    tls.on("keylog", (line: Buffer) => (secret = serverTrafficSecret(line) ?? secret));
    tls.once("secure", () => {
      const identity = options.authorities.identify(tls);
      const suite = tls.getCipher()?.standardName ?? "";
      if (typeof identity === "string" || !secret) {
        const reason = typeof identity === "string" ? identity : "no TLS 1.3 traffic secret";
        options.onRefused(reason, socket.remoteAddress);
        tls.end("refused: " + reason + "\n");
        setTimeout(fail, 1_000).unref();
        return;
      }
      const trafficSecret = secret;
      // The session tickets OpenSSL sends right after the handshake may still be on their way out:
      // give them a turn of the event loop before counting records and dropping the TLS object.
      setImmediate(() =>
        setImmediate(() => {
          if (settled) return;
          const sealer = WakeSealer.create(suite, trafficSecret, tap.applicationRecords);
          if (!sealer) return fail();
          settled = true;
          clearTimeout(deadline);
          socket.off("data", onData);
          socket.off("end", onEnd);
          socket.off("error", fail);
          socket.off("close", fail);
          tap.detached = true;
          tls.off("close", fail);
          tls.off("error", fail);
          tls.on("error", () => undefined);
          tls.destroy();
          resolve({ ...identity, socket, sealer });
        }),
      );
    });
    // The edge paused the socket while it read the ClientHello.
    socket.resume();
  });
}
