import type { Socket } from "node:net";
import type { AcceptedChannel } from "./handshake.js";

/** What the relay sends a device on its channel: one line per wake-up, nothing else ever. */
export const WAKE_FRAME = Buffer.from("wake\n");

/** A device that has stopped reading gets no more wake-ups queued for it than this. */
const MAX_UNSENT_BYTES = 4 * 1024;

const CHANNEL = Symbol("push channel");
type ChannelSocket = Socket & { [CHANNEL]?: AcceptedChannel };

function discard(): void {}

/**
 * The open channels of one process, by server and certificate serial. Idle, a channel is its TCP
 * socket and its sealer; the handlers are shared by every channel, not made per connection, and
 * there is no timer per channel (TCP keepalive finds dead peers).
 */
export class ChannelTable {
  private readonly servers = new Map<string, Map<string, AcceptedChannel>>();
  private count = 0;
  private readonly onClose: (this: ChannelSocket) => void;

  constructor() {
    const forget = (channel: AcceptedChannel) => this.forget(channel);
    this.onClose = function (this: ChannelSocket) {
      const channel = this[CHANNEL];
      if (channel) forget(channel);
    };
  }

  get size(): number {
    return this.count;
  }

  /** Keeps a device's channel; one it held before is closed (a device reconnecting replaces it). */
  add(channel: AcceptedChannel): void {
    let devices = this.servers.get(channel.serverId);
    if (!devices) this.servers.set(channel.serverId, (devices = new Map()));
    const older = devices.get(channel.serial);
    if (older) older.socket.destroy();
    else this.count++;
    devices.set(channel.serial, channel);
    const socket = channel.socket as ChannelSocket;
    socket[CHANNEL] = channel;
    socket.setKeepAlive(true, 60_000);
    socket.setNoDelay(true);
    // The device never needs to say anything; whatever it sends (a close_notify) is dropped, unread.
    socket.on("data", discard);
    socket.on("close", this.onClose);
    socket.on("error", discard);
  }

  /** Writes a wake-up on the device's channel; false when it holds none here. */
  wake(serverId: string, serial: string): boolean {
    const channel = this.servers.get(serverId)?.get(serial);
    if (!channel || channel.socket.destroyed) return false;
    if (channel.sealer.spent) {
      channel.socket.destroy();
      return false;
    }
    if (channel.socket.writableLength < MAX_UNSENT_BYTES)
      channel.socket.write(channel.sealer.seal(WAKE_FRAME));
    return true;
  }

  closeAll(): void {
    for (const devices of this.servers.values())
      for (const channel of devices.values()) channel.socket.destroy();
    this.servers.clear();
    this.count = 0;
  }

  private forget(channel: AcceptedChannel): void {
    const devices = this.servers.get(channel.serverId);
    if (devices?.get(channel.serial) !== channel) return;
    devices.delete(channel.serial);
    this.count--;
    if (devices.size === 0) this.servers.delete(channel.serverId);
  }
}
