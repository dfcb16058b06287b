import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import type { Kysely } from "kysely";
import { newId } from "@meridian/core";
import { signLicence, type Licence, type SignedLicence } from "@meridian/protocol";
import type { RelayDatabase } from "./schema.js";

export interface RegisteredServer {
  id: string;
  name: string;
  domain: string;
  licence: SignedLicence;
  clientCertSerial: string | null;
  deviceCount: number;
  createdAt: number;
  revokedAt: number | null;
}

export interface Registration {
  server: RegisteredServer;
  /** Shown once; the relay keeps only its hash. */
  authenticationKey: string;
}

const NAME = /^[a-z0-9](?:[a-z0-9-]{0,38}[a-z0-9])?$/;
const KEY_PREFIX = "mrk_";

const hashKey = (key: string) => createHash("sha256").update(key, "utf8").digest();

export class RegistryError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = "RegistryError";
  }
}

type Row = RelayDatabase["relayServers"];

const toServer = (row: Row): RegisteredServer => ({
  id: row.id,
  name: row.name,
  domain: row.domain,
  licence: JSON.parse(row.licence) as SignedLicence,
  clientCertSerial: row.clientCertSerial,
  deviceCount: row.deviceCount,
  createdAt: row.createdAt,
  revokedAt: row.revokedAt,
});

/** The servers this relay carries traffic for, their keys, licences and link certificates. */
export class ServerRegistry {
  constructor(
    private readonly db: Kysely<RelayDatabase>,
    private readonly relayDomain: string,
    private readonly signingKeyPem: string,
    private readonly now: () => number = Date.now,
  ) {}

  async register(input: {
    name: string;
    maxDevices: number;
    validDays: number;
    features: string[];
  }): Promise<Registration> {
    const name = input.name.trim().toLowerCase();
    if (!NAME.test(name))
      throw new RegistryError(
        "invalid_name",
        "The name must be 1 to 40 lower-case letters, digits or dashes (it becomes part of a host name).",
      );
    if (!Number.isInteger(input.maxDevices) || input.maxDevices < 1)
      throw new RegistryError("invalid_licence", "--max-devices must be a whole number of at least 1.");
    if (!Number.isInteger(input.validDays) || input.validDays < 1 || input.validDays > 36_500)
      throw new RegistryError("invalid_licence", "--valid-days must be from 1 to 36500.");
    const existing = await this.db
      .selectFrom("relayServers")
      .select("id")
      .where("name", "=", name)
      .executeTakeFirst();
    if (existing) throw new RegistryError("server_exists", `A server named "${name}" is already registered.`);
    const now = this.now();
    const id = newId(now);
    const authenticationKey = KEY_PREFIX + randomBytes(32).toString("base64url");
    const licence: Licence = {
      serverId: id,
      serverName: name,
      maxDevices: input.maxDevices,
      features: [...new Set(input.features)].sort(),
      issuedAt: now,
      expiresAt: now + input.validDays * 86_400_000,
    };
    const row: Row = {
      id,
      name,
      domain: `${name}.${this.relayDomain}`,
      keyHash: hashKey(authenticationKey).toString("hex"),
      licence: JSON.stringify(signLicence(licence, this.signingKeyPem)),
      clientCertSerial: null,
      deviceCount: 0,
      createdAt: now,
      revokedAt: null,
    };
    await this.db.insertInto("relayServers").values(row).execute();
    return { server: toServer(row), authenticationKey };
  }

  async get(id: string): Promise<RegisteredServer | undefined> {
    const row = await this.db.selectFrom("relayServers").selectAll().where("id", "=", id).executeTakeFirst();
    return row && toServer(row);
  }

  async list(): Promise<RegisteredServer[]> {
    return (await this.db.selectFrom("relayServers").selectAll().orderBy("name").execute()).map(toServer);
  }

  /** The registered, unrevoked server whose id and key these are; undefined for anything else. */
  async authenticate(id: string, key: string): Promise<RegisteredServer | undefined> {
    const row = await this.db.selectFrom("relayServers").selectAll().where("id", "=", id).executeTakeFirst();
    const expected = Buffer.from(row?.keyHash ?? "00".repeat(32), "hex");
    const matches = timingSafeEqual(expected, hashKey(key));
    return row && matches && row.revokedAt === null ? toServer(row) : undefined;
  }

  /** Remembers the link certificate just issued; certificates issued before it stop working. */
  async setClientCertificate(id: string, serialNumber: string): Promise<void> {
    await this.db
      .updateTable("relayServers")
      .set({ clientCertSerial: serialNumber })
      .where("id", "=", id)
      .execute();
  }

  async revoke(id: string): Promise<boolean> {
    const result = await this.db
      .updateTable("relayServers")
      .set({ revokedAt: this.now() })
      .where("id", "=", id)
      .where("revokedAt", "is", null)
      .executeTakeFirst();
    if (result.numUpdatedRows > 0n)
      await this.db.deleteFrom("relayActivations").where("serverId", "=", id).execute();
    return result.numUpdatedRows > 0n;
  }

  async setDeviceCount(id: string, count: number): Promise<void> {
    await this.db.updateTable("relayServers").set({ deviceCount: count }).where("id", "=", id).execute();
  }

  /** The server whose domain covers this host name (the domain itself or a name below it), if any. */
  async serverForHost(host: string): Promise<RegisteredServer | undefined> {
    const name = host.toLowerCase();
    const labels = name.split(".");
    // Candidate domains from the longest to the shortest suffix: a.b.acme.relay → b.acme.relay → acme.relay...
    const candidates = labels.map((_, i) => labels.slice(i).join("."));
    const rows = await this.db
      .selectFrom("relayServers")
      .selectAll()
      .where("domain", "in", candidates)
      .where("revokedAt", "is", null)
      .execute();
    const best = rows.sort((a, b) => b.domain.length - a.domain.length)[0];
    return best && toServer(best);
  }
}
