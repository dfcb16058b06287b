import { randomUUID } from "node:crypto";
import type { TLSSocket } from "node:tls";
import { startHeartbeat } from "./heartbeat.js";
import { controlFrame, FrameType } from "./mux/frames.js";
import { MuxSession } from "./mux/mux-session.js";
import type { FlowControl, HeartbeatOptions, Refusal } from "./protocol.js";

/** One server's link as the relay holds it: the relay opens device streams on it. */
export interface HubLink {
  id: string;
  serverId: string;
  remoteAddress: string;
  session: MuxSession;
}

export interface HubLinkSettings {
  flow: FlowControl;
  heartbeat: HeartbeatOptions;
  startTimeoutMs: number;
}

export interface HubLinkEvents {
  /** The link can carry streams; answer false to drop it (the relay is shutting down). */
  up(link: HubLink): boolean;
  down(link: HubLink, reason: string | undefined): void;
}

/**
 * Starts the link's framing on an authorized connection. The server's HELLO proves it speaks the link
 * protocol, so the link is up from there; the relay's HELLO answers it with the identity the relay
 * accepted the server as, before any device stream.
 */
export function startHubLink(
  socket: TLSSocket,
  serverId: string,
  settings: HubLinkSettings,
  events: HubLinkEvents,
): void {
  const id = randomUUID();
  const hello = {
    window: settings.flow.streamWindowBytes,
    maxStreams: settings.flow.maxConcurrentStreams,
    serverId,
    linkId: id,
  };
  const link: HubLink = {
    id,
    serverId,
    remoteAddress: socket.remoteAddress ?? "unknown",
    session: new MuxSession(socket, {
      role: "relay",
      hello,
      maxStreamWindow: settings.flow.maxStreamWindowBytes,
    }),
  };
  const { session } = link;
  let up = false;
  let reason: string | undefined;
  let stopHeartbeat = () => {};
  const startTimer = setTimeout(() => {
    reason = "the server did not start the link protocol in time";
    session.destroy();
  }, settings.startTimeoutMs);
  session.on("error", (error) => (reason ??= error.message));
  session.on(
    "goaway",
    (why) => (reason ??= why ? `the server broke off: ${why.message}` : "the server is going away"),
  );
  session.once("hello", () => {
    clearTimeout(startTimer);
    session.sendHello(hello);
    if (!events.up(link)) {
      session.destroy();
      return;
    }
    up = true;
    stopHeartbeat = startHeartbeat(session, socket, settings.heartbeat, (why) => {
      reason = why;
      session.destroy();
    });
  });
  session.once("close", () => {
    clearTimeout(startTimer);
    stopHeartbeat();
    if (up) events.down(link, reason);
  });
}

/**
 * Tells a server why its link is refused, in a GOAWAY (a refused server cannot send or receive
 * anything else), then closes the connection.
 */
export function refuseLink(socket: TLSSocket, refusal: Refusal): void {
  if (socket.destroyed) return;
  socket.on("error", () => {});
  socket.resume(); // Whatever the server sent (its HELLO) is not read.
  socket.end(controlFrame(FrameType.goaway, 0, Buffer.from(JSON.stringify(refusal))));
  setTimeout(() => socket.destroy(), 2_000).unref();
}

/** Ends a live link at once with a reason the server will report (its registration was revoked). */
export function revokeLink(link: HubLink, refusal: Refusal): void {
  if (link.session.destroyed) return;
  link.session.goaway(refusal);
  link.session.destroy(true);
}
