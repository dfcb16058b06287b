import type { Socket } from "node:net";
import type { MuxSession } from "./mux/mux-session.js";
import type { HeartbeatOptions } from "./protocol.js";

/**
 * Sends a PING every interval and calls `onDead` when neither its answer nor any other byte
 * arrives within the timeout. Counting other bytes keeps a busy link alive whose PING answer waits
 * behind megabytes of queued data. Returns the function that stops it.
 */
export function startHeartbeat(
  session: Pick<MuxSession, "ping" | "destroyed">,
  socket: Socket,
  options: HeartbeatOptions,
  onDead: (reason: string) => void,
): () => void {
  let deadline: NodeJS.Timeout | undefined;
  const beat = () => {
    if (deadline || session.destroyed) return;
    const bytesBefore = socket.bytesRead;
    const settle = () => {
      clearTimeout(deadline);
      deadline = undefined;
    };
    try {
      session.ping(settle);
    } catch {
      return; // The session is closing; its own close handling reports that.
    }
    deadline = setTimeout(() => {
      deadline = undefined;
      if (socket.bytesRead === bytesBefore)
        onDead(`no answer to a heartbeat within ${options.timeoutMs} ms; the link is presumed dead`);
    }, options.timeoutMs);
    deadline.unref();
  };
  const interval = setInterval(beat, options.intervalMs);
  interval.unref();
  return () => {
    clearInterval(interval);
    clearTimeout(deadline);
  };
}
