import { X509Certificate } from "node:crypto";
import { createServer, type Server, type TLSSocket } from "node:tls";
import type { Socket } from "node:net";
import type { Kysely } from "kysely";
import { normalizeSerialNumber } from "@meridian/pki";
import type { RelayDatabase } from "../registry/schema.js";

/** What the relay sends a device on its channel: one line per wake-up, nothing else ever. */
export const WAKE_FRAME = Buffer.from("wake\n");

const normalize = (fingerprint: string) => fingerprint.replace(/:/g, "").toLowerCase();

/**
 * The relay's own push channel, for agent devices that have no vendor push service: a long-lived
 * TLS connection from the device, authenticated by its device certificate, on which the relay only
 * ever writes wake-ups. A device is known by its server (found from the CA that issued its
 * certificate; servers tell the relay their tenants' CAs) and its certificate's serial number, which
 * is the token the server names when it asks for a wake-up.
 */
export class PushChannelHub {
  private readonly tls: Server;
  /** serverId → certificate serial → the device's open channel. */
  private readonly channels = new Map<string, Map<string, TLSSocket>>();
  /** CA fingerprint → its certificate and the server it belongs to. */
  private readonly authorities = new Map<string, { serverId: string; certificate: X509Certificate }>();
  readonly stats = { accepted: 0, refused: 0, woken: 0 };

  constructor(
    private readonly db: Kysely<RelayDatabase>,
    tls: { key: string; cert: string },
    private readonly log: { info(o: object, m: string): void; warn(o: object, m: string): void },
  ) {
    this.tls = createServer({ ...tls, requestCert: true, rejectUnauthorized: false, minVersion: "TLSv1.2" });
    this.tls.on("secureConnection", (socket) => this.accept(socket));
    this.tls.on("tlsClientError", () => this.stats.refused++);
  }

  /** Loads the device CAs servers registered; call once at start. */
  async load(): Promise<void> {
    for (const row of await this.db.selectFrom("relayDeviceCas").selectAll().execute())
      this.remember(row.serverId, row.certificatePem);
  }

  /** A server's tenant CAs: devices whose certificates they issued may hold channels for that server. */
  async registerAuthorities(serverId: string, certificatesPem: string[]): Promise<number> {
    let added = 0;
    for (const pem of certificatesPem) {
      const certificate = new X509Certificate(pem);
      if (!certificate.ca) throw new Error(`"${certificate.subject}" is not a CA certificate.`);
      const fingerprint = normalize(certificate.fingerprint256);
      const known = this.authorities.get(fingerprint);
      if (known && known.serverId !== serverId) throw new Error("That CA is registered by another server.");
      await this.db
        .insertInto("relayDeviceCas")
        .values({ fingerprint, serverId, certificatePem: pem })
        .onConflict((c) => c.column("fingerprint").doNothing())
        .execute();
      if (!known) added++;
      this.remember(serverId, pem);
    }
    return added;
  }

  /** Takes a device connection the edge routed here (ClientHello put back). */
  take(socket: Socket): void {
    this.tls.emit("connection", socket);
  }

  /** Writes a wake-up on each device's channel; false for a device with none open (it is offline). */
  wake(serverId: string, serial: string): boolean {
    let key: string;
    try {
      key = normalizeSerialNumber(serial);
    } catch {
      return false;
    }
    const socket = this.channels.get(serverId)?.get(key);
    if (!socket || socket.destroyed) return false;
    socket.write(WAKE_FRAME);
    this.stats.woken++;
    return true;
  }

  connected(): number {
    let n = 0;
    for (const devices of this.channels.values()) n += devices.size;
    return n;
  }

  close(): void {
    for (const devices of this.channels.values()) for (const socket of devices.values()) socket.destroy();
    this.channels.clear();
    this.tls.close();
  }

  private remember(serverId: string, pem: string): void {
    const certificate = new X509Certificate(pem);
    this.authorities.set(normalize(certificate.fingerprint256), { serverId, certificate });
  }

  private accept(socket: TLSSocket): void {
    const identity = this.identify(socket);
    if (typeof identity === "string") {
      this.stats.refused++;
      this.log.warn({ reason: identity, remoteAddress: socket.remoteAddress }, "push channel refused");
      socket.end("refused: " + identity + "\n");
      socket.destroy();
      return;
    }
    this.stats.accepted++;
    let devices = this.channels.get(identity.serverId);
    if (!devices) this.channels.set(identity.serverId, (devices = new Map()));
    // A device reconnecting replaces its older channel.
    devices.get(identity.serial)?.destroy();
    devices.set(identity.serial, socket);
    socket.setKeepAlive(true, 60_000);
    socket.setNoDelay(true);
    // The device never needs to say anything; whatever it sends is dropped, unread.
    socket.on("data", () => undefined);
    const forget = () => {
      if (devices.get(identity.serial) === socket) devices.delete(identity.serial);
    };
    socket.once("close", forget);
    socket.on("error", () => socket.destroy());
  }

  /** The device's server and serial, or why it is refused. */
  private identify(socket: TLSSocket): { serverId: string; serial: string } | string {
    const peer = socket.getPeerCertificate(true);
    if (!peer?.raw) return "no device certificate";
    const leaf = new X509Certificate(peer.raw);
    const issuer = peer.issuerCertificate?.raw ? new X509Certificate(peer.issuerCertificate.raw) : undefined;
    const authority = issuer ? this.authorities.get(normalize(issuer.fingerprint256)) : undefined;
    if (!authority) return "certificate not issued by a CA registered at this relay";
    if (!leaf.checkIssued(authority.certificate) || !leaf.verify(authority.certificate.publicKey))
      return "certificate not signed by its CA";
    const now = Date.now();
    if (now < Date.parse(leaf.validFrom) || now > Date.parse(leaf.validTo))
      return "certificate not valid now";
    return { serverId: authority.serverId, serial: normalizeSerialNumber(leaf.serialNumber) };
  }
}
