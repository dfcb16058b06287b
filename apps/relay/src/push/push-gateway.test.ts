import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { randomBytes } from "node:crypto";
import type { Kysely } from "kysely";
import { createSecretBox } from "@meridian/crypto";
import { startFcmEmulator, type FcmEmulator } from "@meridian/emulators";
import { makeProviderCertificate } from "@meridian/push/testing/provider-certificate";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openRelayDatabase } from "../registry/relay-database.js";
import type { RelayDatabase } from "../registry/schema.js";
import { PushGateway } from "./push-gateway.js";

describe("the relay's push gateway, against the FCM emulator", () => {
  let dir: string;
  let db: Kysely<RelayDatabase>;
  let fcm: FcmEmulator;
  let gateway: PushGateway;
  const box = createSecretBox(randomBytes(32));

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "meridian-push-gateway-"));
    db = (await openRelayDatabase({ dataDir: dir })).db;
    fcm = await startFcmEmulator({ tls: true });
    gateway = new PushGateway(db, box, { fcmUrl: fcm.url, ca: fcm.ca });
  });
  afterAll(async () => {
    await gateway?.close();
    await fcm?.close();
    await db?.destroy();
    rmSync(dir, { recursive: true, force: true });
  });

  it("keeps a server's credentials sealed, shows what they are, and wakes its devices with nothing but a wake-up", async () => {
    const serviceAccount = fcm.createServiceAccount("acme-mdm");
    const status = await gateway.setCredentials("srv_a", { service: "fcm", serviceAccount });
    expect(status).toMatchObject({ service: "fcm", identity: "acme-mdm" });
    const row = await db.selectFrom("relayPushCredentials").selectAll().executeTakeFirstOrThrow();
    expect(row.sealed).not.toContain(String(serviceAccount.private_key).slice(40, 80));
    expect(await gateway.listCredentials("srv_a")).toEqual([status]);

    const token = fcm.registerDevice("acme-mdm");
    const delivered = fcm.deliveries.next(token);
    expect(await gateway.wake("srv_a", [{ service: "fcm", token }])).toEqual([{ status: "delivered" }]);
    const push = await delivered;
    expect(push.data).toEqual({ meridian: "wake" });
    expect(push.android).toMatchObject({ priority: "HIGH" });
  });

  it("reports tokens the service has forgotten, so the server stops pushing to them", async () => {
    const token = fcm.registerDevice("acme-mdm");
    fcm.unregisterDevice(token);
    const [outcome] = await gateway.wake("srv_a", [{ service: "fcm", token }]);
    expect(outcome).toMatchObject({ status: "token_invalid", reason: "UNREGISTERED" });
  });

  it("says when a server has no credentials for a service, and keeps servers apart", async () => {
    const token = fcm.registerDevice("acme-mdm");
    const [outcome] = await gateway.wake("srv_b", [{ service: "fcm", token }]);
    expect(outcome).toMatchObject({ status: "failed", reason: expect.stringMatching(/no_credentials/) });
    expect(await gateway.listCredentials("srv_b")).toEqual([]);
  });

  it("refuses credentials it cannot use, and keeps the ones it had", async () => {
    await expect(
      gateway.setCredentials("srv_a", { service: "fcm", serviceAccount: { type: "service_account" } }),
    ).rejects.toMatchObject({ code: "invalid_credentials" });
    expect(await gateway.listCredentials("srv_a")).toHaveLength(1);
  });

  it("forgets credentials on request", async () => {
    expect(await gateway.removeCredentials("srv_a", "fcm")).toBe(true);
    expect(await gateway.removeCredentials("srv_a", "fcm")).toBe(false);
    const [outcome] = await gateway.wake("srv_a", [
      { service: "fcm", token: fcm.registerDevice("acme-mdm") },
    ]);
    expect(outcome!.status).toBe("failed");
  });
  it("says when an APNs push certificate ends, as PEM or PKCS#12, and never for keys without an end", async () => {
    const certificate = makeProviderCertificate("com.apple.mgmt.External.0c4f2e", { days: 20 });
    const ends = Date.parse(new (await import("node:crypto")).X509Certificate(certificate.cert).validTo);
    const pem = await gateway.setCredentials("srv_cert", {
      service: "apns",
      certificate: { cert: certificate.cert, key: certificate.key },
    });
    expect(pem).toMatchObject({
      service: "apns",
      identity: "com.apple.mgmt.External.0c4f2e",
      expiresAt: ends,
    });
    expect(await gateway.listCredentials("srv_cert")).toEqual([pem]);
    const pfx = await gateway.setCredentials("srv_pfx", {
      service: "apns",
      certificate: { pfxBase64: certificate.pfx.toString("base64"), passphrase: certificate.passphrase },
    });
    expect(pfx.expiresAt).toBe(ends);
    expect((await gateway.listCredentials("srv_pfx"))[0]?.expiresAt).toBe(ends);
    const fcmOnly = await gateway.listCredentials("srv_a");
    expect(fcmOnly.every((c) => c.expiresAt === undefined)).toBe(true);
  });

  it("refuses a push certificate for another topic unless the change is confirmed, and keeps the old one", async () => {
    const first = makeProviderCertificate("com.apple.mgmt.External.aaaa");
    const renewed = makeProviderCertificate("com.apple.mgmt.External.aaaa", { days: 400 });
    const other = makeProviderCertificate("com.apple.mgmt.External.bbbb");
    const upload = (c: typeof first, confirm?: boolean) =>
      gateway.setCredentials("srv_topic", {
        service: "apns",
        certificate: { cert: c.cert, key: c.key },
        ...(confirm === undefined ? {} : { confirmTopicChange: confirm }),
      });
    await upload(first);
    // A renewal keeps the topic and needs no confirmation.
    expect((await upload(renewed)).identity).toBe("com.apple.mgmt.External.aaaa");
    await expect(upload(other)).rejects.toMatchObject({
      code: "topic_change_unconfirmed",
      message: expect.stringContaining("com.apple.mgmt.External.aaaa"),
    });
    await expect(upload(other, false)).rejects.toMatchObject({ code: "topic_change_unconfirmed" });
    expect((await gateway.listCredentials("srv_topic"))[0]?.identity).toBe("com.apple.mgmt.External.aaaa");
    expect((await upload(other, true)).identity).toBe("com.apple.mgmt.External.bbbb");
  });
});
