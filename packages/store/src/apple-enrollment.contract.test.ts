import { ALL_PERMISSIONS, DEFAULT_TENANT_ID, systemActor, type Actor, type Core } from "@meridian/core";
import { nodeCrypto } from "@meridian/crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { coreOnBackend, standInMatches } from "./testing/apple-core.js";
import { storeBackends } from "./testing/backends.js";

/** Apple enrollment (profile, SCEP challenge, check-ins) and stored profiles, on every backend. */
describe.each(storeBackends)("Apple enrollment on $name", (backend) => {
  let env: Awaited<ReturnType<typeof backend.open>>;
  let core: Core;
  let admin: Actor;
  let now = Date.UTC(2026, 10, 1);
  const globexId = "00000000-0000-7000-8000-0000000000b7";
  const matches = standInMatches;
  let serial = 0;
  const issue = async () => ({ serialNumber: `a${++serial}`, notAfter: now + 365 * 86_400_000 });

  beforeAll(async () => {
    ({ env, core, admin } = await coreOnBackend(
      backend,
      { now: () => now },
      { id: globexId, slug: "globex-apple" },
    ));
  });
  afterAll(async () => env?.dispose());

  const enrol = async (email: string, options: { deviceLimit?: number; singleUse?: boolean } = {}) => {
    const user = await core.users.create(admin, { email });
    const { password } = await core.activations.create(admin, user.id, { lifetimeMs: 3_600_000, ...options });
    return { user, password };
  };
  const facts = (udid: string) => ({
    udid,
    topic: "com.apple.mgmt.External.test",
    serialNumber: "C02TEST",
    productName: "iPhone15,2",
    osVersion: "17.4",
    deviceName: "Jane's iPhone",
  });
  const push = (udid: string) => ({
    udid,
    topic: "com.apple.mgmt.External.test",
    token: "ab".repeat(32),
    pushMagic: "magic-1",
    unlockToken: Buffer.from("unlock").toString("base64"),
    awaitingConfiguration: false,
  });

  it("enrols with the activation password, issues one certificate per challenge, and becomes usable only after TokenUpdate", async () => {
    const { password } = await enrol("jane@example.com");
    const wrong = core.appleEnrollments.enrolWithPassword(
      DEFAULT_TENANT_ID,
      { address: "jane@example.com", platform: "ios", password: "wrong" },
      matches,
    );
    await expect(wrong).rejects.toMatchObject({
      code: "activation_failed",
      message: expect.stringMatching(/4 tries left/),
    });

    const { device, challenge } = await core.appleEnrollments.enrolWithPassword(
      DEFAULT_TENANT_ID,
      { address: "jane@example.com", platform: "ios", password },
      matches,
    );
    expect(device).toMatchObject({ platform: "ios", state: "enrolling" });
    // The activation was single use.
    await expect(
      core.appleEnrollments.enrolWithPassword(
        DEFAULT_TENANT_ID,
        { address: "jane@example.com", platform: "ios", password },
        matches,
      ),
    ).rejects.toMatchObject({ code: "activation_used" });

    // The challenge works once, in its own tenant only, and is not taken by looking it up.
    const identity = async () => ({ serialNumber: `a${++serial}`, notAfter: now + 365 * 86_400_000 });
    expect(await core.appleEnrollments.deviceForChallenge(globexId, challenge)).toBeUndefined();
    expect(await core.appleEnrollments.bindIdentity(globexId, challenge, await identity())).toBeUndefined();
    expect(await core.appleEnrollments.deviceForChallenge(DEFAULT_TENANT_ID, challenge)).toBe(device.id);
    const first = await identity();
    expect(await core.appleEnrollments.bindIdentity(DEFAULT_TENANT_ID, challenge, first)).toBe(device.id);
    expect(await core.appleEnrollments.deviceForChallenge(DEFAULT_TENANT_ID, challenge)).toBeUndefined();
    const raced = await identity();
    expect(await core.appleEnrollments.bindIdentity(DEFAULT_TENANT_ID, challenge, raced)).toBeUndefined();
    await expect(
      core.appleEnrollments.identifyForCheckin(DEFAULT_TENANT_ID, raced.serialNumber),
    ).rejects.toMatchObject({
      code: "unknown_certificate",
    });
    const issued = { deviceId: device.id, serialNumber: first.serialNumber };

    const identified = await core.appleEnrollments.identifyForCheckin(DEFAULT_TENANT_ID, issued.serialNumber);
    expect(identified.id).toBe(device.id);
    await expect(core.appleEnrollments.identifyForCheckin(DEFAULT_TENANT_ID, "ffff")).rejects.toMatchObject({
      kind: "forbidden",
      code: "unknown_certificate",
    });
    // Nothing but Authenticate is taken before Authenticate.
    await expect(
      core.appleEnrollments.tokenUpdate(DEFAULT_TENANT_ID, identified, push("UDID-1")),
    ).rejects.toMatchObject({
      code: "not_authenticated",
    });

    const lock = await core.commands.send(admin, device.id, { type: "lock" });
    await core.appleEnrollments.authenticate(DEFAULT_TENANT_ID, identified, facts("UDID-1"));
    // Authenticate starts the queue afresh.
    expect(await core.commands.get(admin, lock.id)).toMatchObject({
      state: "cancelled",
      error: { code: "device_reauthenticated" },
    });
    const authenticated = await core.devices.get(admin, device.id);
    expect(authenticated).toMatchObject({
      name: "Jane's iPhone",
      model: "iPhone15,2",
      serialNumber: "C02TEST",
      osVersion: "17.4",
      manufacturer: "Apple",
      state: "enrolling",
    });
    await expect(
      core.appleEnrollments.activeEnrollment(DEFAULT_TENANT_ID, authenticated, "UDID-1"),
    ).rejects.toMatchObject({
      code: "enrollment_not_ready",
    });
    // A certificate bound to one UDID cannot speak for another.
    await expect(
      core.appleEnrollments.authenticate(DEFAULT_TENANT_ID, authenticated, facts("UDID-2")),
    ).rejects.toMatchObject({
      code: "identity_mismatch",
    });
    await expect(
      core.appleEnrollments.tokenUpdate(DEFAULT_TENANT_ID, authenticated, push("UDID-2")),
    ).rejects.toMatchObject({
      code: "identity_mismatch",
    });

    expect(await core.appleEnrollments.tokenUpdate(DEFAULT_TENANT_ID, authenticated, push("UDID-1"))).toEqual(
      { first: true },
    );
    expect(await core.appleEnrollments.tokenUpdate(DEFAULT_TENANT_ID, authenticated, push("UDID-1"))).toEqual(
      { first: false },
    );
    const enrolled = await core.devices.get(admin, device.id);
    expect(enrolled).toMatchObject({ state: "active", enrolledAt: now });
    const enrollment = await core.appleEnrollments.activeEnrollment(DEFAULT_TENANT_ID, enrolled, "UDID-1");
    expect(enrollment).toMatchObject({
      udid: "UDID-1",
      topic: "com.apple.mgmt.External.test",
      tokenUpdates: 2,
    });
    // The unlock token is sealed at rest and opened on demand.
    expect(enrollment.unlockToken).not.toContain(Buffer.from("unlock").toString("base64"));
    expect(core.appleEnrollments.openUnlockToken(enrollment)).toBe(Buffer.from("unlock").toString("base64"));
    expect(await core.push.forDevice(admin, device.id)).toMatchObject({
      service: "apns",
      token: "ab".repeat(32),
      pushMagic: "magic-1",
    });

    await core.appleEnrollments.setBootstrapToken(DEFAULT_TENANT_ID, enrolled, "UDID-1", "Ym9vdHN0cmFw");
    expect(await core.appleEnrollments.getBootstrapToken(DEFAULT_TENANT_ID, enrolled, "UDID-1")).toBe(
      "Ym9vdHN0cmFw",
    );

    // CheckOut retires the device and revokes its identity.
    const pending = await core.commands.send(admin, device.id, { type: "request_inventory" });
    await core.appleEnrollments.checkOut(DEFAULT_TENANT_ID, enrolled, "UDID-1");
    expect(await core.devices.get(admin, device.id)).toMatchObject({ state: "retired" });
    expect(await core.commands.get(admin, pending.id)).toMatchObject({ state: "cancelled" });
    await expect(
      core.appleEnrollments.identifyForCheckin(DEFAULT_TENANT_ID, issued.serialNumber),
    ).rejects.toMatchObject({
      code: "certificate_revoked",
    });
    expect(await core.push.forDevice(admin, device.id)).toBeUndefined();
  });

  it("retires the earlier record when the same phone enrols again, and expires unused challenges", async () => {
    const { password } = await enrol("sam@example.com", { singleUse: false, deviceLimit: 5 });
    const first = await core.appleEnrollments.enrolWithPassword(
      DEFAULT_TENANT_ID,
      { address: "sam@example.com", platform: "ios", password },
      matches,
    );
    const firstCert = await issue();
    await core.appleEnrollments.bindIdentity(DEFAULT_TENANT_ID, first.challenge, firstCert);
    const firstDevice = await core.appleEnrollments.identifyForCheckin(
      DEFAULT_TENANT_ID,
      firstCert.serialNumber,
    );
    await core.appleEnrollments.authenticate(DEFAULT_TENANT_ID, firstDevice, facts("UDID-SAM"));
    await core.appleEnrollments.tokenUpdate(DEFAULT_TENANT_ID, firstDevice, push("UDID-SAM"));

    const again = await core.appleEnrollments.enrolWithPassword(
      DEFAULT_TENANT_ID,
      { address: "sam@example.com", platform: "ios", password },
      matches,
    );
    const againCert = await issue();
    await core.appleEnrollments.bindIdentity(DEFAULT_TENANT_ID, again.challenge, againCert);
    const againDevice = await core.appleEnrollments.identifyForCheckin(
      DEFAULT_TENANT_ID,
      againCert.serialNumber,
    );
    await core.appleEnrollments.authenticate(DEFAULT_TENANT_ID, againDevice, facts("UDID-SAM"));
    expect(await core.devices.get(admin, first.device.id)).toMatchObject({ state: "retired" });
    await expect(
      core.appleEnrollments.identifyForCheckin(DEFAULT_TENANT_ID, firstCert.serialNumber),
    ).rejects.toMatchObject({
      code: "certificate_revoked",
    });

    const late = await core.appleEnrollments.enrolWithPassword(
      DEFAULT_TENANT_ID,
      { address: "sam@example.com", platform: "macos", password },
      matches,
    );
    now += 61 * 60_000;
    expect(await core.appleEnrollments.deviceForChallenge(DEFAULT_TENANT_ID, late.challenge)).toBeUndefined();
    expect(
      await core.appleEnrollments.bindIdentity(DEFAULT_TENANT_ID, late.challenge, await issue()),
    ).toBeUndefined();
  });

  it("stores profiles once, replaces a version by identifier, and checks profile commands before queueing them", async () => {
    const payload = new TextEncoder().encode("<plist>wifi</plist>");
    const { profile, replaced } = await core.profiles.save(admin, {
      payload,
      identifier: "com.example.wifi",
      name: "Office Wi-Fi",
      sha256: nodeCrypto.sha256("v1"),
    });
    expect(replaced).toBe(false);
    expect(Buffer.from((await core.profiles.payloadFor(DEFAULT_TENANT_ID, profile.id))!).toString()).toBe(
      "<plist>wifi</plist>",
    );
    const second = await core.profiles.save(admin, {
      payload: new TextEncoder().encode("<plist>wifi v2</plist>"),
      identifier: "com.example.wifi",
      name: "Office Wi-Fi",
      sha256: nodeCrypto.sha256("v2"),
    });
    expect(second).toMatchObject({ replaced: true, profile: { id: profile.id, sizeBytes: 22 } });
    expect((await core.profiles.list(admin, {})).items.map((p) => p.identifier)).toEqual([
      "com.example.wifi",
    ]);
    // Another tenant sees nothing.
    const globex = systemActor(globexId, "admin@globex.example", ALL_PERMISSIONS);
    expect((await core.profiles.list(globex, {})).items).toEqual([]);
    await expect(core.profiles.get(globex, profile.id)).rejects.toMatchObject({ code: "profile_not_found" });

    const android = await core.devices.register(admin, { platform: "android", name: "Pixel" });
    const iphone = await core.devices.register(admin, { platform: "ios", name: "iPhone" });
    await expect(
      core.commands.send(admin, android.id, { type: "install_profile", payload: { profileId: profile.id } }),
    ).rejects.toMatchObject({ code: "command_not_supported" });
    await expect(
      core.commands.send(admin, iphone.id, { type: "install_profile", payload: { profileId: "nope" } }),
    ).rejects.toMatchObject({ code: "profile_not_found" });
    await expect(
      core.commands.sendToMany(admin, {
        type: "install_profile",
        payload: { profileId: profile.id },
        filter: {},
      }),
    ).rejects.toMatchObject({ code: "command_not_supported" });
    const bulk = await core.commands.sendToMany(admin, {
      type: "install_profile",
      payload: { profileId: profile.id },
      deviceIds: [android.id, iphone.id],
    });
    expect(bulk.queued).toBe(1);
    const audit = (await core.audit.list(admin, { targetId: profile.id }, {})).items.map((e) => e.action);
    expect(audit).toEqual(["profile.replace", "profile.create"]);
    await core.profiles.delete(admin, profile.id);
    await expect(core.profiles.delete(admin, profile.id)).rejects.toMatchObject({
      code: "profile_not_found",
    });
  });
});
