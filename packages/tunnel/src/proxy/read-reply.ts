import type { Socket } from "node:net";
import { TunnelError } from "../errors.js";

/**
 * Collects a proxy's reply: `measure` says how many bytes the reply takes once it can tell (undefined
 * until then). Bytes past the reply are given back to the socket, so the TLS that follows sees them.
 */
export function readReply(
  socket: Socket,
  measure: (received: Buffer) => number | undefined,
  limits: { maxBytes: number; proxy: string },
): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    let received = Buffer.alloc(0);
    const finish = (error?: Error, reply?: Buffer) => {
      socket.off("data", onData);
      socket.off("end", onEnd);
      socket.off("error", onError);
      socket.pause();
      if (error) reject(error);
      else resolve(reply!);
    };
    const onData = (chunk: Buffer) => {
      received = Buffer.concat([received, chunk]);
      let length: number | undefined;
      try {
        length = measure(received);
      } catch (error) {
        finish(error as Error);
        return;
      }
      if (length !== undefined && received.length >= length) {
        if (received.length > length) socket.unshift(received.subarray(length));
        finish(undefined, received.subarray(0, length));
      } else if (received.length > limits.maxBytes) {
        finish(new TunnelError("proxy_failed", `The proxy ${limits.proxy} sent an over-long reply.`));
      }
    };
    const onEnd = () =>
      finish(
        new TunnelError("proxy_failed", `The proxy ${limits.proxy} closed the connection before replying.`),
      );
    const onError = (error: Error) =>
      finish(
        new TunnelError("proxy_failed", `The proxy ${limits.proxy} failed: ${error.message}`, {
          cause: error,
        }),
      );
    socket.on("data", onData);
    socket.on("end", onEnd);
    socket.on("error", onError);
    socket.resume();
  });
}
