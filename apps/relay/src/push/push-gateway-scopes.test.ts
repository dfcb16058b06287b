import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { randomBytes } from "node:crypto";
import type { Kysely } from "kysely";
import { createSecretBox } from "@meridian/crypto";
import { startApnsEmulator, type ApnsEmulator } from "@meridian/emulators";
import { makeProviderCertificate } from "@meridian/push/testing/provider-certificate";
import { openDatabase } from "@meridian/store";
import { createScratchDatabase } from "@meridian/store/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { relayMigrations } from "../registry/migrations/index.js";
import { openRelayDatabase } from "../registry/relay-database.js";
import type { RelayDatabase } from "../registry/schema.js";
import { PushGateway } from "./push-gateway.js";

const SERVER_TOPIC = "com.apple.mgmt.External.operator";
const TENANT_TOPIC = "com.apple.mgmt.External.tenant-b";

describe("APNs push certificates per tenant of a server, against the APNs emulator", () => {
  let dir: string;
  let db: Kysely<RelayDatabase>;
  let apns: ApnsEmulator;
  let gateway: PushGateway;
  const box = createSecretBox(randomBytes(32));
  const serverWide = makeProviderCertificate(SERVER_TOPIC);
  const tenantB = makeProviderCertificate(TENANT_TOPIC);
  const pem = (c: typeof serverWide) => ({ cert: c.cert, key: c.key });

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "meridian-push-scopes-"));
    db = (await openRelayDatabase({ dataDir: dir })).db;
    apns = await startApnsEmulator({ trustedClientCertificates: [serverWide.cert, tenantB.cert] });
    gateway = new PushGateway(db, box, { apnsUrl: apns.url, ca: apns.ca });
  });
  afterAll(async () => {
    await gateway?.close();
    await apns?.close();
    await db?.destroy();
    rmSync(dir, { recursive: true, force: true });
  });

  const wakeOnce = async (token: string, scope?: string) => {
    const delivered = apns.deliveries.next(token);
    const [outcome] = await gateway.wake("srv", [
      { service: "apns", token, pushMagic: "magic", ...(scope === undefined ? {} : { scope }) },
    ]);
    expect(outcome).toEqual({ status: "delivered" });
    return delivered;
  };

  it("wakes a tenant without a certificate of its own, and a wake-up naming no scope, with the server's", async () => {
    await gateway.setCredentials("srv", { service: "apns", certificate: pem(serverWide) });
    const device = apns.registerDevice(SERVER_TOPIC);
    expect((await wakeOnce(device)).topic).toBe(SERVER_TOPIC);
    expect((await wakeOnce(device, "tenant-b")).topic).toBe(SERVER_TOPIC);
  });

  it("asks before a tenant's first certificate takes over from the server's topic, then wakes its devices with it", async () => {
    await expect(
      gateway.setCredentials("srv", { service: "apns", certificate: pem(tenantB) }, "tenant-b"),
    ).rejects.toMatchObject({
      code: "topic_change_unconfirmed",
      message: expect.stringContaining(SERVER_TOPIC),
    });
    const status = await gateway.setCredentials(
      "srv",
      { service: "apns", certificate: pem(tenantB), confirmTopicChange: true },
      "tenant-b",
    );
    expect(status).toMatchObject({ service: "apns", identity: TENANT_TOPIC, scope: "tenant-b" });

    const bDevice = apns.registerDevice(TENANT_TOPIC);
    expect((await wakeOnce(bDevice, "tenant-b")).topic).toBe(TENANT_TOPIC);
    // The default tenant's devices, and other tenants', still go out with the server's certificate.
    const serverDevice = apns.registerDevice(SERVER_TOPIC);
    expect((await wakeOnce(serverDevice)).topic).toBe(SERVER_TOPIC);
    expect((await wakeOnce(serverDevice, "tenant-c")).topic).toBe(SERVER_TOPIC);
    // The server's certificate cannot reach the tenant's topic: the scopes are truly apart.
    const [crossed] = await gateway.wake("srv", [{ service: "apns", token: bDevice, pushMagic: "m" }]);
    expect(crossed!.status).not.toBe("delivered");
  });

  it("lists the server's credentials, and a tenant's own only to that tenant's scope", async () => {
    expect((await gateway.listCredentials("srv")).map((c) => c.identity)).toEqual([SERVER_TOPIC]);
    const both = await gateway.listCredentials("srv", "tenant-b");
    expect(both.map((c) => [c.identity, c.scope])).toEqual([
      [SERVER_TOPIC, undefined],
      [TENANT_TOPIC, "tenant-b"],
    ]);
    expect((await gateway.listCredentials("srv", "tenant-c")).map((c) => c.identity)).toEqual([SERVER_TOPIC]);
    expect(await gateway.listCredentials("other", "tenant-b")).toEqual([]);
  });

  it("checks a topic change within the scope: a renewal passes, another topic needs a yes", async () => {
    const renewed = makeProviderCertificate(TENANT_TOPIC, { days: 400 });
    const other = makeProviderCertificate("com.apple.mgmt.External.tenant-x");
    await gateway.setCredentials("srv", { service: "apns", certificate: pem(renewed) }, "tenant-b");
    await expect(
      gateway.setCredentials("srv", { service: "apns", certificate: pem(other) }, "tenant-b"),
    ).rejects.toMatchObject({ code: "topic_change_unconfirmed" });
    // Replacing the server's with its own topic is unaffected by the tenant's.
    await gateway.setCredentials("srv", { service: "apns", certificate: pem(serverWide) });
  });

  it("holds FCM and WNS for the whole server only", async () => {
    await expect(
      gateway.setCredentials("srv", { service: "wns", clientId: "c", clientSecret: "s" }, "tenant-b"),
    ).rejects.toMatchObject({ code: "scope_not_supported" });
  });

  it("removes a tenant's certificate alone, after which its devices fall back to the server's", async () => {
    expect(await gateway.removeCredentials("srv", "apns", "tenant-c")).toBe(false);
    expect(await gateway.removeCredentials("srv", "apns", "tenant-b")).toBe(true);
    expect((await gateway.listCredentials("srv", "tenant-b")).map((c) => c.identity)).toEqual([SERVER_TOPIC]);
    const device = apns.registerDevice(SERVER_TOPIC);
    expect((await wakeOnce(device, "tenant-b")).topic).toBe(SERVER_TOPIC);
    expect((await wakeOnce(device)).topic).toBe(SERVER_TOPIC);
  });
});

describe.each([
  { name: "sqlite", url: async () => ({ url: undefined, drop: async () => undefined }) },
  { name: "postgres", url: () => createScratchDatabase("meridian_relay_test") },
])("the relay's migration to scoped push credentials on $name", ({ url }) => {
  it("keeps the credentials servers stored before, as their server-wide ones", async () => {
    const dir = mkdtempSync(join(tmpdir(), "meridian-push-migration-"));
    const database = await url();
    const options = { dataDir: dir, url: database.url };
    try {
      const before = await openDatabase<RelayDatabase>(options, {
        fileName: "relay.db",
        urlSetting: "MERIDIAN_RELAY_DATABASE_URL",
        migrations: () => ({
          getMigrations: async () =>
            Object.fromEntries(
              Object.entries(await relayMigrations().getMigrations()).filter(([name]) => name < "0004"),
            ),
        }),
        migrationTable: "meridian_relay_migrations",
      });
      // The row as the relay wrote it before scopes existed.
      await before.db
        .insertInto("relayPushCredentials")
        .values({ serverId: "srv", service: "fcm", identity: "acme", sealed: "x", updatedAt: 5 } as never)
        .execute();
      await before.db.destroy();

      const { db } = await openRelayDatabase(options);
      expect(await db.selectFrom("relayPushCredentials").selectAll().execute()).toEqual([
        { serverId: "srv", service: "fcm", scope: "", identity: "acme", sealed: "x", updatedAt: 5 },
      ]);
      // The new key lets a tenant's certificate sit beside the server's.
      await db
        .insertInto("relayPushCredentials")
        .values({ serverId: "srv", service: "fcm", scope: "t", identity: "b", sealed: "y", updatedAt: 6 })
        .execute();
      await db.destroy();
    } finally {
      await database.drop();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
