import type { Socket } from "node:net";
import type { Kysely } from "kysely";
import { normalizeSerialNumber } from "@meridian/pki";
import type { RelayDatabase } from "../registry/schema.js";
import type { ChannelHost, ChannelTls } from "./channel/channel-host.js";
import { ChannelWorkers } from "./channel/channel-workers.js";
import { authorityFingerprint, DeviceAuthorities } from "./channel/device-authorities.js";
import { LocalChannels } from "./channel/local-channels.js";

type Log = { info(o: object, m: string): void; warn(o: object, m: string): void };

/**
 * The relay's own push channel, for agent devices that have no vendor push service: a long-lived
 * TLS connection from the device, authenticated by its device certificate, on which the relay only
 * ever writes wake-ups. A device is known by its server (found from the CA that issued its
 * certificate; servers tell the relay their tenants' CAs) and its certificate's serial number, which
 * is the token the server names when it asks for a wake-up. The channels live in this process or,
 * with `workers` above 0, in that many worker processes (see docs/decisions/0012).
 */
export class PushChannelHub {
  private readonly authorities = new DeviceAuthorities();
  private readonly host: ChannelHost;

  constructor(
    private readonly db: Kysely<RelayDatabase>,
    tls: ChannelTls,
    private readonly log: Log,
    options: { workers?: number } = {},
  ) {
    this.host =
      options.workers && options.workers > 0
        ? new ChannelWorkers(options.workers, tls, this.authorities, log)
        : new LocalChannels(this.authorities, tls, (reason, remoteAddress) =>
            log.warn({ reason, remoteAddress }, "push channel refused"),
          );
  }

  /** Loads the device CAs servers registered, and waits for the workers; call once at start. */
  async load(): Promise<void> {
    for (const row of await this.db.selectFrom("relayDeviceCas").selectAll().execute())
      this.host.addAuthority(row.serverId, row.certificatePem);
    if (this.host instanceof ChannelWorkers) await this.host.started();
  }

  /** A server's tenant CAs: devices whose certificates they issued may hold channels for that server. */
  async registerAuthorities(serverId: string, certificatesPem: string[]): Promise<number> {
    let added = 0;
    for (const pem of certificatesPem) {
      const fingerprint = authorityFingerprint(pem);
      const owner = this.authorities.ownerOf(fingerprint);
      if (owner !== undefined && owner !== serverId)
        throw new Error("That CA is registered by another server.");
      await this.db
        .insertInto("relayDeviceCas")
        .values({ fingerprint, serverId, certificatePem: pem })
        .onConflict((c) => c.column("fingerprint").doNothing())
        .execute();
      if (owner === undefined) {
        added++;
        this.host.addAuthority(serverId, pem);
      }
    }
    return added;
  }

  /** Takes a device connection the edge routed here (ClientHello put back). */
  take(socket: Socket): void {
    this.host.take(socket);
  }

  /** Writes a wake-up on each device's channel; false for a device with none open (it is offline). */
  async wake(serverId: string, serials: string[]): Promise<boolean[]> {
    const keys = serials.map((serial) => {
      try {
        return normalizeSerialNumber(serial);
      } catch {
        return undefined;
      }
    });
    const valid = keys.filter((key): key is string => key !== undefined);
    const woken = valid.length > 0 ? await this.host.wake(serverId, valid) : [];
    let at = 0;
    return keys.map((key) => (key === undefined ? false : woken[at++]!));
  }

  connected(): Promise<number> {
    return this.host.connected();
  }

  /** The worker processes' ids; none when the channels live in the relay's own process. */
  workerPids(): number[] {
    return this.host.workerPids();
  }

  close(): Promise<void> {
    return this.host.close();
  }
}
