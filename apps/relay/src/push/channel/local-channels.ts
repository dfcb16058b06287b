import type { Socket } from "node:net";
import { createSecureContext, type SecureContext } from "node:tls";
import { ChannelTable } from "./channel-table.js";
import { HANDSHAKE_TIMEOUT_MS, type ChannelHost, type ChannelTls } from "./channel-host.js";
import type { DeviceAuthorities } from "./device-authorities.js";
import { acceptChannel } from "./handshake.js";
import { CHANNEL_CIPHERSUITES } from "./wake-record.js";

/** The secure context of the push channel: TLS 1.3 with AES-GCM only (see wake-record.ts). */
export function channelSecureContext(tls: ChannelTls): SecureContext {
  return createSecureContext({ ...tls, minVersion: "TLSv1.3", ciphers: CHANNEL_CIPHERSUITES });
}

/** Push channels held in this process: the whole relay's when it runs no workers, or one worker's. */
export class LocalChannels implements ChannelHost {
  readonly table = new ChannelTable();
  private readonly secureContext: SecureContext;

  constructor(
    private readonly authorities: DeviceAuthorities,
    tls: ChannelTls,
    private readonly onRefused: (reason: string, remoteAddress: string | undefined) => void,
  ) {
    this.secureContext = channelSecureContext(tls);
  }

  take(socket: Socket): void {
    void acceptChannel(socket, {
      secureContext: this.secureContext,
      authorities: this.authorities,
      handshakeTimeoutMs: HANDSHAKE_TIMEOUT_MS,
      onRefused: this.onRefused,
    }).then((channel) => channel && this.table.add(channel));
  }

  addAuthority(serverId: string, pem: string): void {
    this.authorities.add(serverId, pem);
  }

  wake(serverId: string, serials: string[]): Promise<boolean[]> {
    return Promise.resolve(serials.map((serial) => this.table.wake(serverId, serial)));
  }

  connected(): Promise<number> {
    return Promise.resolve(this.table.size);
  }

  workerPids(): number[] {
    return [];
  }

  close(): Promise<void> {
    this.table.closeAll();
    return Promise.resolve();
  }
}
