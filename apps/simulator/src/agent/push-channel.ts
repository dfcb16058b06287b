import { once } from "node:events";
import { connect, type TLSSocket } from "node:tls";
import { pushChannelHost } from "@meridian/protocol";
import { backoffDelay, parseHostPort, verifyPinnedChain } from "@meridian/tunnel";
import type { DeviceCredentials, RelayContact } from "./activate.js";

export interface PushChannel {
  /** Wake-ups received so far, over every connection. */
  readonly received: number;
  /** Connections made so far: 1, then one more for each reconnection. */
  readonly connections: number;
  /** Settles when the channel ends for good: closed here, or refused by the relay. */
  readonly closed: Promise<void>;
  close(): void;
}

/** One TLS connection to push.<relay host> on the edge, checked against the pinned relay CA. */
async function dial(relay: RelayContact, credentials: DeviceCredentials): Promise<TLSSocket> {
  const { host, port } = parseHostPort(relay.edge);
  const servername = pushChannelHost(relay.host);
  const socket: TLSSocket = connect({
    host,
    port,
    servername,
    key: credentials.privateKey,
    cert: credentials.certificate + credentials.caCertificate,
    // The relay is trusted by its pinned CA, checked below before anything is believed.
    rejectUnauthorized: false,
  });
  try {
    await once(socket, "secureConnect");
  } catch (error) {
    socket.destroy();
    throw error;
  }
  const problem = verifyPinnedChain(socket, relay.caFingerprint, servername);
  if (problem) {
    socket.destroy();
    throw new Error(`The relay's push channel is not the pinned relay: ${problem}.`);
  }
  return socket;
}

/**
 * The device's end of the relay's own push channel, with the device certificate (and its CA, so the
 * relay can tell which server it belongs to). Each "wake" line calls `onWake`; nothing else comes
 * down it but a "refused: …" line before the relay ends a channel it will not hold. A channel that
 * drops is dialled again after a random share of a doubling delay, so that the devices of a relay
 * (or relay worker) that went away do not all come back in the same instant.
 */
export async function openPushChannel(
  relay: RelayContact,
  credentials: DeviceCredentials,
  onWake: () => void,
  /** Called on each connection, the first and every redial: a wake-up may have been missed meanwhile. */
  onConnected: () => void = () => undefined,
): Promise<PushChannel> {
  let received = 0;
  let connections = 0;
  let current: TLSSocket | undefined;
  let ended = false;
  let endChannel!: () => void;
  const closed = new Promise<void>((resolve) => (endChannel = resolve));
  const finish = () => {
    ended = true;
    current?.destroy();
    endChannel();
  };

  const hold = (socket: TLSSocket) => {
    current = socket;
    connections++;
    onConnected();
    let pending = "";
    let refused = false;
    socket.setEncoding("utf8");
    socket.on("data", (text: string) => {
      pending += text;
      for (let end = pending.indexOf("\n"); end >= 0; end = pending.indexOf("\n")) {
        const line = pending.slice(0, end);
        pending = pending.slice(end + 1);
        if (line === "wake") {
          received++;
          onWake();
        } else if (line.startsWith("refused")) refused = true;
      }
    });
    socket.on("error", () => socket.destroy());
    socket.once("close", () => {
      if (refused || ended) finish();
      else void redial();
    });
  };

  const redial = async () => {
    for (let failures = 0; !ended; failures++) {
      await new Promise((resolve) => setTimeout(resolve, backoffDelay(failures)));
      if (ended) return;
      try {
        const socket = await dial(relay, credentials);
        if (ended) return void socket.destroy();
        return hold(socket);
      } catch {
        // The relay is still away: wait longer.
      }
    }
  };

  hold(await dial(relay, credentials));
  return {
    closed,
    get received() {
      return received;
    },
    get connections() {
      return connections;
    },
    close: finish,
  };
}
