import type { Kysely } from "kysely";
import type { SecretBox } from "@meridian/core";
import { PushError, type PushClient, type PushNotification, type PushResult } from "@meridian/push";
import {
  SCOPED_PUSH_SERVICES,
  type PushCredentials,
  type PushCredentialsStatus,
  type PushServiceName,
  type WakeOutcome,
  type WakeTarget,
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

  /**
   * Checks the credentials by building their client, then keeps them sealed. Throws a PushError if
   * they cannot be used. A scope (a tenant of the server) holds that tenant's own APNs certificate.
   */
  async setCredentials(
    serverId: string,
    credentials: PushCredentials,
    scope = "",
  ): Promise<PushCredentialsStatus> {
    if (scope && !(SCOPED_PUSH_SERVICES as readonly string[]).includes(credentials.service))
      throw new PushError(
        "scope_not_supported",
        `${credentials.service.toUpperCase()} credentials serve the whole server; only APNs certificates are held per tenant.`,
      );
    const client = clientFor(credentials, this.endpoints);
    const identity = identityOf(credentials, client);
    if (credentials.service === "apns" && !credentials.confirmTopicChange) {
      // A tenant's devices enrolled with the topic it used until now, its own or else the server's.
      const current = (await this.rows(serverId, "apns", scope))[0];
      // Enrolled Apple devices listen on their topic for life: a certificate for another topic
      // silently cuts every one of them off, so it takes an explicit yes.
      if (current && current.identity !== identity) {
        void client.close();
        throw new PushError(
          "topic_change_unconfirmed",
          `This certificate is for topic ${identity}, but the current one is for ${current.identity}` +
            (current.scope === scope ? ". " : " (the server's, used until now). ") +
            "Devices enrolled with the current topic will no longer be reachable and must enrol again. " +
            "Renew the certificate for the same Apple ID at Apple instead, or confirm the change.",
        );
      }
    }
    const row = {
      serverId,
      service: credentials.service,
      scope,
      identity,
      sealed: this.box.seal(JSON.stringify(credentials)),
      updatedAt: this.now(),
    };
    await this.db
      .insertInto("relayPushCredentials")
      .values(row)
      .onConflict((c) => c.columns(["serverId", "service", "scope"]).doUpdateSet({ ...row }))
      .execute();
    await this.forget(serverId, credentials.service, scope);
    this.clients.set(key(serverId, credentials.service, scope), Promise.resolve(client));
    return statusOf(row, expiryOf(credentials));
  }

  async removeCredentials(serverId: string, service: PushServiceName, scope = ""): Promise<boolean> {
    const result = await this.db
      .deleteFrom("relayPushCredentials")
      .where("serverId", "=", serverId)
      .where("service", "=", service)
      .where("scope", "=", scope)
      .executeTakeFirst();
    await this.forget(serverId, service, scope);
    return result.numDeletedRows > 0n;
  }

  /** The server's own credentials, and with a scope that tenant's as well (each saying its scope). */
  async listCredentials(serverId: string, scope = ""): Promise<PushCredentialsStatus[]> {
    const rows = await this.db
      .selectFrom("relayPushCredentials")
      .select(["service", "scope", "identity", "updatedAt", "sealed"])
      .where("serverId", "=", serverId)
      .where("scope", "in", [...new Set(["", scope])])
      .orderBy("service")
      .orderBy("scope")
      .execute();
    return rows.map((r) =>
      // Only an APNs certificate has an end date; reading it means opening the sealed credentials.
      statusOf(
        r,
        r.service === "apns" ? expiryOf(JSON.parse(this.box.open(r.sealed)) as PushCredentials) : undefined,
      ),
    );
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
    const scope = target.service === "apns" ? (target.scope ?? "") : "";
    const client = await this.client(serverId, target.service, scope).catch(() => undefined);
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
    scope: string,
  ): Promise<PushClient<PushNotification> | undefined> {
    const k = key(serverId, service, scope);
    let client = this.clients.get(k);
    if (!client) {
      client = this.load(serverId, service, scope);
      this.clients.set(k, client);
      // A failure (say, credentials that expired since upload) is tried again on the next wake.
      client.then(
        (c) => c ?? this.clients.delete(k),
        () => this.clients.delete(k),
      );
    }
    return client;
  }

  /** The scope's own credentials when it has them, else the server's: the first row is the one in use. */
  private rows(serverId: string, service: PushServiceName, scope: string) {
    return this.db
      .selectFrom("relayPushCredentials")
      .select(["scope", "identity", "sealed"])
      .where("serverId", "=", serverId)
      .where("service", "=", service)
      .where("scope", "in", [...new Set(["", scope])])
      .orderBy("scope", "desc")
      .execute();
  }

  private async load(
    serverId: string,
    service: PushServiceName,
    scope: string,
  ): Promise<PushClient<PushNotification> | undefined> {
    const row = (await this.rows(serverId, service, scope))[0];
    if (!row) return undefined;
    // A scope without its own credentials shares the server's client (one HTTP/2 session per credential).
    if (row.scope !== scope) return this.client(serverId, service, row.scope);
    return clientFor(JSON.parse(this.box.open(row.sealed)) as PushCredentials, this.endpoints);
  }

  /**
   * Drops the cached clients the change touches. The server's credentials stand in for every scope
   * without its own, so changing them drops every scope's client of that service (each loads afresh
   * on its next wake).
   */
  private async forget(serverId: string, service: PushServiceName, scope: string): Promise<void> {
    const prefix = key(serverId, service, "");
    const touched = [...this.clients.keys()].filter((k) =>
      scope ? k === key(serverId, service, scope) : k.startsWith(prefix),
    );
    const clients = touched.map((k) => {
      const client = this.clients.get(k);
      this.clients.delete(k);
      return client;
    });
    // A scope that fell back holds the server's own client: close only what no key still holds.
    const settled = (list: Array<Promise<PushClient<PushNotification> | undefined> | undefined>) =>
      Promise.all(list.map((c) => c?.catch(() => undefined)));
    const kept = new Set(await settled([...this.clients.values()]));
    const gone = new Set((await settled(clients)).filter((c) => c && !kept.has(c)));
    await Promise.all([...gone].map((c) => c?.close()));
  }
}

const key = (serverId: string, service: string, scope: string) => `${serverId}\u0000${service}\u0000${scope}`;

function statusOf(
  row: { service: string; scope: string; identity: string; updatedAt: number | string | bigint },
  expiresAt: number | undefined,
): PushCredentialsStatus {
  return {
    service: row.service as PushServiceName,
    identity: row.identity,
    updatedAt: Number(row.updatedAt),
    ...(expiresAt === undefined ? {} : { expiresAt }),
    ...(row.scope ? { scope: row.scope } : {}),
  };
}

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
