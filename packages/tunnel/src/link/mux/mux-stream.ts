import { Duplex } from "node:stream";
import { TunnelError } from "../../errors.js";
import { MAX_DATA_BYTES, ResetCode } from "./frames.js";

/** The windows a receiver grants each stream: where it starts and the most it grows to. */
export interface StreamWindows {
  initial: number;
  max: number;
}

/** A window consumed within this (without the consumer stopping) is too small for the stream. */
const WINDOW_ROUND_MS = 200;

/** What a stream needs from the session that carries it. */
export interface StreamCarrier {
  /**
   * Writes one DATA frame; `written` is called once the link can take more: at once, or when these
   * bytes have left a backed-up socket.
   */
  sendData(streamId: number, bytes: Buffer, written?: () => void): void;
  sendEnd(streamId: number): void;
  sendReset(streamId: number, code: ResetCode): void;
  sendCredit(streamId: number, bytes: number): void;
  forget(streamId: number): void;
}

/**
 * One device connection on the link, as a Duplex of its raw bytes. Flow control is by credit: a
 * sender may have at most the receiver's window unacknowledged on a stream, and the receiver gives
 * credit back only as its consumer takes the bytes, so a device or handler that stops reading stops
 * its own stream and no other, and the receiver never holds more than one window for it. A stream
 * whose consumer keeps up with a whole window in well under a round trip of bulk data gets a larger
 * one, up to a ceiling (`StreamWindows.max`), so one transfer is not held to a window per round trip.
 */
export class MuxStream extends Duplex {
  /** Bytes this side may still send. */
  private sendCredit: number;
  /** Bytes the peer may still send before it has overrun the window this side granted. */
  private receiveAllowance: number;
  /** Bytes received and passed on whose credit has not been given back yet. */
  private unreturned = 0;
  /** The consumer has stopped reading: hold credit back until it reads again. */
  private stalled = false;
  private pending: { chunk: Buffer; offset: number; callback: (error?: Error | null) => void } | undefined;
  private resetByPeer = false;
  private resetSent = false;
  private remoteEnded = false;
  private localEnded = false;

  /** The window this side grants now: it starts at the configured one and grows on a fast stream. */
  private window: number;
  /** When the window's current round began, and the bytes consumed in it. */
  private roundStart = performance.now();
  private roundBytes = 0;

  constructor(
    private readonly carrier: StreamCarrier,
    readonly id: number,
    /** The window the peer granted (its HELLO). */
    peerWindow: number,
    private readonly windows: StreamWindows,
  ) {
    super({ allowHalfOpen: true, readableHighWaterMark: 64 * 1024 });
    this.sendCredit = peerWindow;
    this.window = windows.initial;
    this.receiveAllowance = windows.initial;
  }

  /** Bytes of a DATA frame for this stream. Returns false when the peer overran its credit. */
  received(bytes: Buffer): boolean {
    if (this.remoteEnded || this.destroyed) return true; // Late bytes of a stream already closed here.
    this.receiveAllowance -= bytes.length;
    if (this.receiveAllowance < 0) return false;
    this.unreturned += bytes.length;
    if (this.push(bytes)) this.returnCredit();
    else this.stalled = true;
    return true;
  }

  credited(bytes: number): void {
    this.sendCredit += bytes;
    this.flush();
  }

  remoteEnd(): void {
    if (this.remoteEnded) return;
    this.remoteEnded = true;
    this.push(null);
    this.forgetIfClosedBothWays();
  }

  remoteReset(code: number): void {
    this.resetByPeer = true;
    if (code === ResetCode.cancel) this.destroy();
    else if (code === ResetCode.refused)
      this.destroy(new TunnelError("stream_refused", "The server declined the stream."));
    else this.destroy(new Error(`The peer reset the stream (code ${code}).`));
  }

  /** Refuses the stream (the server would not take it): the relay destroys its side with stream_refused. */
  refuse(): void {
    this.reset(ResetCode.refused);
  }

  /** Cuts the stream both ways, telling the peer why. */
  reset(code: ResetCode, error?: Error): void {
    if (this.destroyed) return;
    this.carrier.sendReset(this.id, code);
    this.resetSent = true;
    this.destroy(error);
  }

  override _read(): void {
    if (!this.stalled) return;
    this.stalled = false;
    this.returnCredit();
  }

  override _write(chunk: Buffer, _encoding: BufferEncoding, callback: (error?: Error | null) => void): void {
    if (chunk.length === 0) return callback();
    this.pending = { chunk, offset: 0, callback };
    this.flush();
  }

  override _final(callback: (error?: Error | null) => void): void {
    this.localEnded = true;
    this.carrier.sendEnd(this.id);
    this.forgetIfClosedBothWays();
    callback();
  }

  private get closedBothWays(): boolean {
    return this.localEnded && this.remoteEnded;
  }

  /**
   * Once END has gone both ways the stream is over as far as the link is concerned, even before
   * its consumer has read the last bytes: both sides stop counting it against the stream limit at
   * the same point in the link's order of frames.
   */
  private forgetIfClosedBothWays(): void {
    if (this.closedBothWays) this.carrier.forget(this.id);
  }

  override _destroy(error: Error | null, callback: (error?: Error | null) => void): void {
    // A write waiting for credit is dropped with the stream, as a socket's would be.
    this.pending = undefined;
    if (!this.resetByPeer && !this.resetSent && !this.closedBothWays)
      this.carrier.sendReset(this.id, error ? ResetCode.internal : ResetCode.cancel);
    this.carrier.forget(this.id);
    callback(error);
  }

  private flush(): void {
    const pending = this.pending;
    if (!pending) return;
    while (this.sendCredit > 0 && pending.offset < pending.chunk.length) {
      const size = Math.min(pending.chunk.length - pending.offset, this.sendCredit, MAX_DATA_BYTES);
      const bytes = pending.chunk.subarray(pending.offset, pending.offset + size);
      pending.offset += size;
      this.sendCredit -= size;
      if (pending.offset < pending.chunk.length) this.carrier.sendData(this.id, bytes);
      else {
        this.pending = undefined;
        this.carrier.sendData(this.id, bytes, () => pending.callback());
      }
    }
  }

  private returnCredit(): void {
    // Credit goes back in quarters of the window: one CREDIT frame per 64 KiB at the default window.
    if (this.stalled || this.unreturned < this.window / 4 || this.remoteEnded) return;
    let credit = this.unreturned;
    this.unreturned = 0;
    // A consumer that took a whole window within a round, without stopping, may be held back by the
    // window rather than by its own pace (a bulk transfer over a link with some delay): the window
    // doubles, up to the most it may hold.
    this.roundBytes += credit;
    if (this.roundBytes >= this.window) {
      const now = performance.now();
      if (now - this.roundStart < WINDOW_ROUND_MS && this.window < this.windows.max) {
        const grown = Math.min(this.window * 2, this.windows.max);
        credit += grown - this.window;
        this.window = grown;
      }
      this.roundStart = now;
      this.roundBytes = 0;
    }
    this.carrier.sendCredit(this.id, credit);
    this.receiveAllowance += credit;
  }
}
