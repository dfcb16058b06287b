import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createSecretBox } from "@meridian/crypto";
import { activationAddressHash, verifyLicence } from "@meridian/protocol";
import { createScratchDatabase, type ScratchDatabase } from "@meridian/store/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ActivationRegistry } from "./activation-registry.js";
import { openRelayDatabase } from "./relay-database.js";
import { loadRelayIdentity } from "./relay-identity.js";
import { ServerRegistry } from "./server-registry.js";

const backends = [
  { name: "sqlite", open: async () => ({ url: undefined, drop: async () => undefined }) },
  {
    name: "postgres",
    open: async (): Promise<{ url: string | undefined; drop: () => Promise<void> }> => {
      const s: ScratchDatabase = await createScratchDatabase("meridian_relay_test");
      return { url: s.url, drop: () => s.drop() };
    },
  },
];

describe.each(backends)("relay registry on $name", (backend) => {
  const dataDir = mkdtempSync(join(tmpdir(), "meridian-relay-"));
  const secretBox = createSecretBox(randomBytes(32));
  let scratch: { url: string | undefined; drop: () => Promise<void> };
  let close: () => Promise<void>;
  let servers: ServerRegistry;
  let activations: ActivationRegistry;
  let caPem: string;
  let now = Date.UTC(2026, 10, 1);

  beforeAll(async () => {
    scratch = await backend.open();
    const { db } = await openRelayDatabase({ url: scratch.url, dataDir });
    close = () => db.destroy();
    const identity = await loadRelayIdentity(db, secretBox, "relay.example.test");
    // A second load finds the same CA.
    expect((await loadRelayIdentity(db, secretBox, "relay.example.test")).ca.fingerprint).toBe(
      identity.ca.fingerprint,
    );
    caPem = identity.ca.certificatePem;
    servers = new ServerRegistry(db, "relay.example.test", identity.privateKeyPem, () => now);
    activations = new ActivationRegistry(db, () => now);
  });
  afterAll(async () => {
    await close?.();
    await scratch?.drop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it("registers a server with a key shown once and a licence signed by the relay", async () => {
    const { server, authenticationKey } = await servers.register({
      name: "Acme",
      maxDevices: 500,
      validDays: 365,
      features: ["push", "tunnel", "push"],
    });
    expect(server).toMatchObject({ name: "acme", domain: "acme.relay.example.test" });
    expect(authenticationKey).toMatch(/^mrk_/);
    const licence = verifyLicence(server.licence, caPem);
    expect(licence).toMatchObject({ serverId: server.id, maxDevices: 500, features: ["push", "tunnel"] });
    expect(() =>
      verifyLicence({ ...server.licence, licence: { ...licence, maxDevices: 1_000_000 } }, caPem),
    ).toThrow(/signature/);
    expect(await servers.authenticate(server.id, authenticationKey)).toMatchObject({ id: server.id });
    expect(await servers.authenticate(server.id, `${authenticationKey}x`)).toBeUndefined();
    expect(
      await servers.authenticate("01900000-0000-7000-8000-000000000000", authenticationKey),
    ).toBeUndefined();
    await expect(
      servers.register({ name: "acme", maxDevices: 1, validDays: 1, features: [] }),
    ).rejects.toMatchObject({ code: "server_exists" });
    await expect(
      servers.register({ name: "bad name!", maxDevices: 1, validDays: 1, features: [] }),
    ).rejects.toMatchObject({ code: "invalid_name" });
  });

  it("routes host names to the server whose domain covers them", async () => {
    const { server } = await servers.register({
      name: "globex",
      maxDevices: 10,
      validDays: 30,
      features: [],
    });
    expect((await servers.serverForHost("globex.relay.example.test"))?.id).toBe(server.id);
    expect((await servers.serverForHost("tenant-1.GLOBEX.relay.example.test"))?.id).toBe(server.id);
    expect(await servers.serverForHost("globex.relay.example.test.evil.test")).toBeUndefined();
    expect(await servers.serverForHost("other.relay.example.test")).toBeUndefined();
  });

  it("answers lookups of one exact address, only while the activation lasts, and keeps hosts to their owner", async () => {
    const acme = (await servers.list()).find((s) => s.name === "acme")!;
    const globex = (await servers.list()).find((s) => s.name === "globex")!;
    const fingerprint = "ab".repeat(32);
    await activations.register(acme, {
      addressHash: activationAddressHash("Jane@Example.com"),
      host: "default.acme.relay.example.test",
      caFingerprint: fingerprint,
      expiresAt: now + 60_000,
    });
    expect(await activations.lookup(" jane@example.com")).toMatchObject({
      host: "default.acme.relay.example.test",
      caFingerprint: fingerprint,
    });
    expect(await activations.lookup("jane@example.co")).toBeUndefined();
    await expect(
      activations.register(globex, {
        addressHash: activationAddressHash("jane@example.com"),
        host: "globex.relay.example.test",
        caFingerprint: fingerprint,
        expiresAt: now + 60_000,
      }),
    ).rejects.toMatchObject({ code: "address_taken" });
    await expect(
      activations.register(globex, {
        addressHash: activationAddressHash("bob@example.com"),
        host: "acme.relay.example.test",
        caFingerprint: fingerprint,
        expiresAt: now + 60_000,
      }),
    ).rejects.toMatchObject({ code: "host_not_yours" });
    now += 61_000;
    expect(await activations.lookup("jane@example.com")).toBeUndefined();
    expect(await activations.deleteExpired()).toBe(1);
  });

  it("stops a revoked server authenticating, and forgets its activations", async () => {
    const { server, authenticationKey } = await servers.register({
      name: "initech",
      maxDevices: 10,
      validDays: 30,
      features: [],
    });
    await activations.register(server, {
      addressHash: activationAddressHash("x@initech.test"),
      host: "initech.relay.example.test",
      caFingerprint: "cd".repeat(32),
      expiresAt: now + 60_000,
    });
    expect(await servers.revoke(server.id)).toBe(true);
    expect(await servers.authenticate(server.id, authenticationKey)).toBeUndefined();
    expect(await activations.lookup("x@initech.test")).toBeUndefined();
    expect(await servers.serverForHost("initech.relay.example.test")).toBeUndefined();
  });
});
