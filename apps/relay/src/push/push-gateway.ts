import type { Kysely } from "kysely";
import type { SecretBox } from "@meridian/core";
import { PushError, type PushClient, type PushNotification, type PushResult } from "@meridian/push";
import type {
  PushCredentials,
  PushCredentialsStatus,
  PushServiceName,
  WakeOutcome,
  WakeTarget,
} from "@meridian/protocol";
import type { RelayDatabase } from "../registry/schema.js";
import { PushChannelHub } from "./push-channel.js";
import { clientFor, expiryOf, identityOf, type PushEndpoints } from "./push-credentials.js";

/** Pushes sent at once per wake call: enough to keep an HTTP/2 session busy without a burst. */
const CONCURRENCY = 64;

/**
 * The relay's push gateway: keeps each server's push credentials sealed in the relay's database,
 * one client per server and service (so one HTTP/2 session per credential), and turns a server's
 * wake request into pushes that carry nothing but the wake-up.
 */
export class PushGateway {
  private readonly clients = new Map<string, Promise<PushClient<PushNotification> | undefined>>();

  constructor(
    private readonly db: Kysely<RelayDatabase>,
    private readonly box: SecretBox,
    private readonly endpoints: PushEndpoints = {},
    private readonly now: () => number = Date.now,
    /** The relay's own channel, for devices without a vendor push service. */
    readonly channels?: PushChannelHub,
  ) {}

  /** Checks the credentials by building their client, then keeps them sealed. Throws a PushError if they cannot be used. */
  async setCredentials(serverId: string, credentials: PushCredentials): Promise<PushCredentialsStatus> {
    const client = clientFor(credentials, this.endpoints);
    const identity = identityOf(credentials, client);
    if (credentials.service === "apns" && !credentials.confirmTopicChange) {
      const current = await this.db
        .selectFrom("relayPushCredentials")
        .select("identity")
        .where("serverId", "=", serverId)
        .where("service", "=", "apns")
        .executeTakeFirst();
      // Enrolled Apple devices listen on their topic for life: a certificate for another topic
      // silently cuts every one of them off, so it takes an explicit yes.
      if (current && current.identity !== identity) {
        void client.close();
        throw new PushError(
          "topic_change_unconfirmed",
          `This certificate is for topic ${identity}, but the current one is for ${current.identity}. ` +
            "Devices enrolled with the current topic will no longer be reachable and must enrol again. " +
            "Renew the certificate for the same Apple ID at Apple instead, or confirm the change.",
        );
      }
    }
    const row = {
      serverId,
      service: credentials.service,
      identity,
      sealed: this.box.seal(JSON.stringify(credentials)),
      updatedAt: this.now(),
    };
    await this.db
      .insertInto("relayPushCredentials")
      .values(row)
      .onConflict((c) => c.columns(["serverId", "service"]).doUpdateSet({ ...row }))
      .execute();
    await this.forget(serverId, credentials.service);
    this.clients.set(key(serverId, credentials.service), Promise.resolve(client));
    const expiresAt = expiryOf(credentials);
    return {
      service: credentials.service,
      identity,
      updatedAt: row.updatedAt,
      ...(expiresAt === undefined ? {} : { expiresAt }),
    };
  }

  async removeCredentials(serverId: string, service: PushServiceName): Promise<boolean> {
    const result = await this.db
      .deleteFrom("relayPushCredentials")
      .where("serverId", "=", serverId)
      .where("service", "=", service)
      .executeTakeFirst();
    await this.forget(serverId, service);
    return result.numDeletedRows > 0n;
  }

  async listCredentials(serverId: string): Promise<PushCredentialsStatus[]> {
    const rows = await this.db
      .selectFrom("relayPushCredentials")
      .select(["service", "identity", "updatedAt", "sealed"])
      .where("serverId", "=", serverId)
      .orderBy("service")
      .execute();
    return rows.map((r) => {
      // Only an APNs certificate has an end date; reading it means opening the sealed credentials.
      const expiresAt =
        r.service === "apns" ? expiryOf(JSON.parse(this.box.open(r.sealed)) as PushCredentials) : undefined;
      return {
        service: r.service as PushServiceName,
        identity: r.identity,
        updatedAt: Number(r.updatedAt),
        ...(expiresAt === undefined ? {} : { expiresAt }),
      };
    });
  }

  /** One outcome per target, in order. A service the server has no credentials for fails with a reason that says so. */
  async wake(serverId: string, targets: WakeTarget[]): Promise<WakeOutcome[]> {
    const outcomes: WakeOutcome[] = new Array(targets.length);
    const vendor: number[] = [];
    const relay: number[] = [];
    targets.forEach((target, index) => (target.service === "relay" ? relay : vendor).push(index));
    let next = 0;
    const worker = async () => {
      while (next < vendor.length) {
        const index = vendor[next++]!;
        outcomes[index] = await this.wakeOne(
          serverId,
          targets[index] as WakeTarget & { service: "apns" | "fcm" | "wns" },
        );
      }
    };
    await Promise.all([
      this.wakeOnChannels(serverId, targets, relay, outcomes),
      ...Array.from({ length: Math.min(CONCURRENCY, vendor.length) }, worker),
    ]);
    return outcomes;
  }

  /** Devices on the relay's own channel are woken together: one message to each worker for the lot. */
  private async wakeOnChannels(
    serverId: string,
    targets: WakeTarget[],
    indices: number[],
    outcomes: WakeOutcome[],
  ): Promise<void> {
    if (indices.length === 0) return;
    if (!this.channels) {
      for (const index of indices)
        outcomes[index] = { status: "failed", reason: "no_channel: this relay runs no push channel" };
      return;
    }
    const woken = await this.channels.wake(
      serverId,
      indices.map((index) => targets[index]!.token),
    );
    // Offline devices are not an error: they fetch their commands when they connect again.
    indices.forEach((index, at) => {
      outcomes[index] = woken[at]
        ? { status: "delivered" }
        : { status: "retry_later", reason: "device_offline" };
    });
  }

  async close(): Promise<void> {
    const clients = [...this.clients.values()];
    this.clients.clear();
    await Promise.all(clients.map(async (c) => (await c.catch(() => undefined))?.close()));
  }

  private async wakeOne(
    serverId: string,
    target: WakeTarget & { service: "apns" | "fcm" | "wns" },
  ): Promise<WakeOutcome> {
    const client = await this.client(serverId, target.service).catch(() => undefined);
    if (!client)
      return {
        status: "failed",
        reason: `no_credentials: this server has no usable ${target.service.toUpperCase()} credentials at the relay`,
      };
    const notification: PushNotification & { pushType?: string } = {
      token: target.token,
      priority: "high",
      // A wake-up that waits is still useful; one a day old is not.
      ttlSeconds: 86_400,
      collapseKey: "meridian-wake",
      ...(target.pushMagic
        ? { data: { mdm: target.pushMagic }, pushType: "mdm" }
        : { data: { meridian: "wake" } }),
    };
    return outcomeOf(await client.send(notification));
  }

  private client(
    serverId: string,
    service: PushServiceName,
  ): Promise<PushClient<PushNotification> | undefined> {
    const k = key(serverId, service);
    let client = this.clients.get(k);
    if (!client) {
      client = this.load(serverId, service);
      this.clients.set(k, client);
      // A failure (say, credentials that expired since upload) is tried again on the next wake.
      client.then(
        (c) => c ?? this.clients.delete(k),
        () => this.clients.delete(k),
      );
    }
    return client;
  }

  private async load(
    serverId: string,
    service: PushServiceName,
  ): Promise<PushClient<PushNotification> | undefined> {
    const row = await this.db
      .selectFrom("relayPushCredentials")
      .select("sealed")
      .where("serverId", "=", serverId)
      .where("service", "=", service)
      .executeTakeFirst();
    if (!row) return undefined;
    return clientFor(JSON.parse(this.box.open(row.sealed)) as PushCredentials, this.endpoints);
  }

  private async forget(serverId: string, service: PushServiceName): Promise<void> {
    const k = key(serverId, service);
    const client = this.clients.get(k);
    this.clients.delete(k);
    await (await client?.catch(() => undefined))?.close();
  }
}

const key = (serverId: string, service: string) => `${serverId}\u0000${service}`;

function outcomeOf(result: PushResult): WakeOutcome {
  switch (result.status) {
    case "delivered":
      return { status: "delivered" };
    case "token_invalid":
      return { status: "token_invalid", reason: result.reason };
    case "retry_later":
      return {
        status: "retry_later",
        reason: result.reason,
        ...(result.retryAfterMs !== undefined ? { retryAfterMs: result.retryAfterMs } : {}),
      };
    case "failed":
      return { status: "failed", reason: result.reason };
  }
}
