import { randomUUID } from "node:crypto";
import { connect, constants, type ClientHttp2Session } from "node:http2";
import type { TLSSocket } from "node:tls";
import { describeError } from "../errors.js";
import { startHeartbeat } from "./heartbeat.js";
import {
  ACCEPTED_PATH,
  encodeRefusal,
  Header,
  LINK_AUTHORITY,
  REFUSAL_GOAWAY_CODE,
  sessionOptions,
  type FlowControl,
  type HeartbeatOptions,
  type Refusal,
} from "./protocol.js";

/** One server's link as the relay holds it: the relay is the HTTP/2 client on the server's connection. */
export interface HubLink {
  id: string;
  serverId: string;
  remoteAddress: string;
  session: ClientHttp2Session;
  /** Device streams open on it now, to pick the least busy of a server's links. */
  streams: number;
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
 * Starts HTTP/2 on an authorized connection. The server's SETTINGS prove it speaks the link protocol,
 * so the link is up from there; the "accepted" request goes first on it, so the server learns the
 * identity the relay gave it before any device stream arrives.
 */
export function startHubLink(
  socket: TLSSocket,
  serverId: string,
  settings: HubLinkSettings,
  events: HubLinkEvents,
): void {
  const link: HubLink = {
    id: randomUUID(),
    serverId,
    remoteAddress: socket.remoteAddress ?? "unknown",
    session: connect(LINK_AUTHORITY, { ...sessionOptions(settings.flow), createConnection: () => socket }),
    streams: 0,
  };
  const { session } = link;
  let up = false;
  let reason: string | undefined;
  let stopHeartbeat = () => {};
  const startTimer = setTimeout(() => {
    reason = "the server did not start HTTP/2 in time";
    session.destroy();
  }, settings.startTimeoutMs);
  session.on("error", (error) => (reason ??= describeError(error)));
  session.on("goaway", () => (reason ??= "the server is going away"));
  session.once("remoteSettings", () => {
    clearTimeout(startTimer);
    session.setLocalWindowSize(settings.flow.connectionWindowBytes);
    const accepted = session.request(
      {
        [constants.HTTP2_HEADER_METHOD]: "POST",
        [constants.HTTP2_HEADER_PATH]: ACCEPTED_PATH,
        [Header.serverId]: serverId,
        [Header.linkId]: link.id,
      },
      { endStream: true },
    );
    accepted.on("error", () => {});
    accepted.resume();
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
    socket.destroy();
    if (up) events.down(link, reason);
  });
}

/**
 * Tells a server why its link is refused, in GOAWAY's debug data (a refused server cannot send or
 * receive anything else), then closes the connection.
 */
export function refuseLink(socket: TLSSocket, refusal: Refusal): void {
  if (socket.destroyed) return;
  const session = connect(LINK_AUTHORITY, { createConnection: () => socket });
  session.on("error", () => {});
  session.once("connect", () => {
    session.goaway(REFUSAL_GOAWAY_CODE, 0, encodeRefusal(refusal));
    session.close();
  });
  setTimeout(() => session.destroy(), 2_000).unref();
}

/** Ends a live link at once with a reason the server will report (its registration was revoked). */
export function revokeLink(link: HubLink, refusal: Refusal): void {
  if (link.session.closed || link.session.destroyed) return;
  link.session.goaway(REFUSAL_GOAWAY_CODE, 0, encodeRefusal(refusal));
  link.session.destroy();
}
