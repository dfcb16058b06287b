import { once } from "node:events";
import { connect, type TLSSocket } from "node:tls";
import { pushChannelHost } from "@meridian/protocol";
import { verifyPinnedChain } from "@meridian/tunnel";
import type { DeviceCredentials, RelayContact } from "./activate.js";

export interface PushChannel {
  /** Wake-ups received so far. */
  readonly received: number;
  /** Settles when the relay ends the channel (it refuses a device it cannot place at once). */
  readonly closed: Promise<void>;
  close(): void;
}

/**
 * The device's end of the relay's own push channel: one TLS connection to push.<relay host> on the
 * edge, with the device certificate (and its CA, so the relay can tell which server it belongs to).
 * Each "wake" line calls `onWake`; nothing else ever comes down it.
 */
export async function openPushChannel(
  relay: RelayContact,
  credentials: DeviceCredentials,
  onWake: () => void,
): Promise<PushChannel> {
  const [host, port] = [
    relay.edge.slice(0, relay.edge.lastIndexOf(":")),
    Number(relay.edge.split(":").pop()),
  ];
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
  await once(socket, "secureConnect");
  const problem = verifyPinnedChain(socket, relay.caFingerprint, servername);
  if (problem) {
    socket.destroy();
    throw new Error(`The relay's push channel is not the pinned relay: ${problem}.`);
  }
  let received = 0;
  let pending = "";
  socket.setEncoding("utf8");
  socket.on("data", (text: string) => {
    pending += text;
    for (let end = pending.indexOf("\n"); end >= 0; end = pending.indexOf("\n")) {
      const line = pending.slice(0, end);
      pending = pending.slice(end + 1);
      if (line === "wake") {
        received++;
        onWake();
      }
    }
  });
  socket.on("error", () => socket.destroy());
  const closed = once(socket, "close").then(() => undefined);
  return {
    closed,
    get received() {
      return received;
    },
    close: () => socket.destroy(),
  };
}
