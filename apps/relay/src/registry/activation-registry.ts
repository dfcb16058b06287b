import type { Kysely } from "kysely";
import { activationAddressHash, type ActivationLookupAnswer } from "@meridian/protocol";
import { RegistryError, type RegisteredServer } from "./server-registry.js";
import type { RelayDatabase } from "./schema.js";

/**
 * Which server serves which (hashed) address, for devices that know only their user's email. Servers
 * register hashes; devices look up one exact address at a time. There is no listing.
 */
export class ActivationRegistry {
  constructor(
    private readonly db: Kysely<RelayDatabase>,
    private readonly now: () => number = Date.now,
  ) {}

  async register(
    server: RegisteredServer,
    input: { addressHash: string; host: string; caFingerprint: string; expiresAt: number },
  ): Promise<void> {
    if (!/^[0-9a-f]{64}$/.test(input.addressHash) || !/^[0-9a-f]{64}$/.test(input.caFingerprint)) {
      throw new RegistryError(
        "invalid_registration",
        "addressHash and caFingerprint must be 64 lower-case hex digits.",
      );
    }
    const host = input.host.toLowerCase();
    if (host !== server.domain && !host.endsWith(`.${server.domain}`)) {
      throw new RegistryError(
        "host_not_yours",
        `${host} is not under ${server.domain}, the domain this relay gave your server.`,
      );
    }
    const now = this.now();
    const current = await this.db
      .selectFrom("relayActivations")
      .selectAll()
      .where("addressHash", "=", input.addressHash)
      .executeTakeFirst();
    if (current && current.serverId !== server.id && current.expiresAt > now) {
      throw new RegistryError("address_taken", "Another server has a current activation for this address.");
    }
    const row = {
      addressHash: input.addressHash,
      serverId: server.id,
      host,
      caFingerprint: input.caFingerprint,
      expiresAt: input.expiresAt,
      registeredAt: now,
    };
    await this.db
      .insertInto("relayActivations")
      .values(row)
      .onConflict((oc) =>
        oc.column("addressHash").doUpdateSet({
          serverId: row.serverId,
          host: row.host,
          caFingerprint: row.caFingerprint,
          expiresAt: row.expiresAt,
          registeredAt: row.registeredAt,
        }),
      )
      .execute();
  }

  async unregister(server: RegisteredServer, addressHash: string): Promise<void> {
    await this.db
      .deleteFrom("relayActivations")
      .where("addressHash", "=", addressHash)
      .where("serverId", "=", server.id)
      .execute();
  }

  /** Where an address's activation is served, or undefined when there is no current one. */
  async lookup(address: string): Promise<(ActivationLookupAnswer & { serverId: string }) | undefined> {
    const row = await this.db
      .selectFrom("relayActivations")
      .select(["host", "caFingerprint", "serverId"])
      .where("addressHash", "=", activationAddressHash(address))
      .where("expiresAt", ">", this.now())
      .executeTakeFirst();
    return row;
  }

  async deleteExpired(): Promise<number> {
    const result = await this.db
      .deleteFrom("relayActivations")
      .where("expiresAt", "<=", this.now())
      .executeTakeFirst();
    return Number(result.numDeletedRows);
  }
}
