import type { Duplex } from "node:stream";

export interface SpliceOptions {
  /**
   * Once one direction has ended, the other must finish within this, or both are cut. A FIN may be a
   * half-close or a peer that is gone; TCP cannot tell, so the half-open state is bounded (HAProxy's
   * "timeout client-fin"). Default: unbounded.
   */
  halfCloseTimeoutMs?: number;
}

/**
 * Copies bytes both ways between two duplexes, for as long as either has something to say.
 *
 * `pipe` gives the two properties that matter: a reader that stops reading stops its writer
 * (backpressure, no growing buffer), and an end in one direction passes through as a half-close.
 * What `pipe` leaves out is added here: an error in either stream, or one that closes before both of
 * its directions finished (a reset), destroys the other. `stream.pipeline` does the same but costs
 * about 13 KiB of heap per pair, which a relay holding 100,000 idle devices cannot spend.
 */
export function splice(a: Duplex, b: Duplex, options: SpliceOptions = {}): void {
  a.pipe(b);
  b.pipe(a);
  let halfClosed: NodeJS.Timeout | undefined;
  // The other side is cancelled, not failed: a device that vanished is no error of the server's.
  const cut = () => {
    clearTimeout(halfClosed);
    a.destroy();
    b.destroy();
  };
  a.on("error", cut);
  b.on("error", cut);
  const closed = (stream: Duplex, other: Duplex) => () => {
    clearTimeout(halfClosed);
    if (!stream.readableEnded || !stream.writableFinished) other.destroy();
  };
  a.once("close", closed(a, b));
  b.once("close", closed(b, a));
  const { halfCloseTimeoutMs } = options;
  if (halfCloseTimeoutMs !== undefined) {
    const startTimer = () => {
      if (halfClosed) return;
      halfClosed = setTimeout(cut, halfCloseTimeoutMs);
      halfClosed.unref();
    };
    a.once("end", startTimer);
    b.once("end", startTimer);
  }
}
