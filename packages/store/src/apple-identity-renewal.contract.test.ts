import { ALL_PERMISSIONS, DEFAULT_TENANT_ID, systemActor, type Actor, type Core } from "@meridian/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { coreOnBackend, standInMatches } from "./testing/apple-core.js";
import { storeBackends } from "./testing/backends.js";

const DAY = 86_400_000;

/** Renewing Apple identities before they end: the sweep, the renewal challenge, the old identity's end. */
describe.each(storeBackends)("Apple identity renewal on $name", (backend) => {
  let env: Awaited<ReturnType<typeof backend.open>>;
  let core: Core;
  let admin: Actor;
  let now = Date.UTC(2026, 10, 1);
  const globexId = "00000000-0000-7000-8000-0000000000c8";
  const matches = standInMatches;
  let serial = 0;
  const certificate = (days: number) => ({ serialNumber: `r${++serial}`, notAfter: now + days * DAY });

  beforeAll(async () => {
    ({ env, core, admin } = await coreOnBackend(
      backend,
      { now: () => now },
      { id: globexId, slug: "globex-renewal" },
    ));
  });
  afterAll(async () => env?.dispose());

  /** A device enrolled all the way (profile, SCEP, Authenticate, TokenUpdate) with an identity lasting `days`. */
  const managedDevice = async (email: string, days: number, tenantId = DEFAULT_TENANT_ID) => {
    const actor = tenantId === DEFAULT_TENANT_ID ? admin : systemActor(tenantId, "admin", ALL_PERMISSIONS);
    const user = await core.users.create(actor, { email });
    const { password } = await core.activations.create(actor, user.id, { lifetimeMs: 3_600_000 });
    const { challenge } = await core.appleEnrollments.enrolWithPassword(
      tenantId,
      { address: email, platform: "ios", password },
      matches,
    );
    const identity = certificate(days);
    await core.appleEnrollments.bindIdentity(tenantId, challenge, identity);
    const device = await core.appleEnrollments.identifyForCheckin(tenantId, identity.serialNumber);
    const udid = `UDID-${email}`;
    const topic = "com.apple.mgmt.External.test";
    await core.appleEnrollments.authenticate(tenantId, device, { udid, topic });
    await core.appleEnrollments.tokenUpdate(tenantId, device, {
      udid,
      topic,
      token: "cd".repeat(32),
      pushMagic: `magic-${email}`,
      awaitingConfiguration: false,
    });
    return { device: (await core.devices.get(actor, device.id))!, identity, udid };
  };
  const openRenewals = async (deviceId: string) =>
    (await core.commands.history(admin, deviceId, {}, { limit: 100 })).items.filter(
      (c) => c.type === "renew_identity" && ["pending", "delivered", "not_now"].includes(c.state),
    );
  const queuedFor = (swept: Awaited<ReturnType<Core["identityRenewals"]["queueDue"]>>, tenantId: string) =>
    swept.batches.find((b) => b.tenantId === tenantId)?.devices ?? 0;

  it("queues one renewal for an identity ending within the window, binds the new identity to the managed device, and revokes the old one once acknowledged", async () => {
    const soon = await managedDevice("ada@example.com", 20);
    const later = await managedDevice("bob@example.com", 300);
    const endingBefore = (at: number) =>
      env.store.forTenant(DEFAULT_TENANT_ID).appleEnrollments.countIdentitiesEndingBefore(at);
    expect(await endingBefore(now + 30 * DAY)).toBe(1);
    expect(await endingBefore(now + 400 * DAY)).toBe(2);
    expect((await core.devices.summary(admin)).appleIdentitiesEndingSoon).toBe(0);
    now += 14 * DAY;
    expect((await core.devices.summary(admin)).appleIdentitiesEndingSoon).toBe(1);
    now -= 14 * DAY;

    const swept = await core.identityRenewals.queueDue();
    expect(queuedFor(swept, DEFAULT_TENANT_ID)).toBe(1);
    expect(await openRenewals(soon.device.id)).toHaveLength(1);
    expect(await openRenewals(later.device.id)).toHaveLength(0);
    // Audited as the system's bulk send.
    const [audited] = (
      await core.audit.list(admin, { action: "command.send_bulk", targetId: swept.batches[0]!.batchId }, {})
    ).items;
    expect(audited).toMatchObject({ actorType: "system", actorLabel: "Identity renewal" });
    expect(audited!.details).toMatchObject({ command: "renew_identity", devices: 1 });
    // Nothing more while that one is open, pending or delivered.
    expect(queuedFor(await core.identityRenewals.queueDue(), DEFAULT_TENANT_ID)).toBe(0);
    const command = await core.commands.next(DEFAULT_TENANT_ID, soon.device.id, { resendUnanswered: true });
    expect(command).toMatchObject({ type: "renew_identity", state: "delivered" });
    expect(queuedFor(await core.identityRenewals.queueDue(), DEFAULT_TENANT_ID)).toBe(0);

    // Delivery makes a challenge; delivering again makes another, and only the last one works.
    const first = await core.appleEnrollments.renewalChallenge(DEFAULT_TENANT_ID, soon.device.id);
    expect(first.challengeExpiresAt).toBe(now + 7 * DAY);
    const { challenge } = await core.appleEnrollments.renewalChallenge(DEFAULT_TENANT_ID, soon.device.id);
    expect(
      await core.appleEnrollments.deviceForChallenge(DEFAULT_TENANT_ID, first.challenge),
    ).toBeUndefined();
    expect(await core.appleEnrollments.deviceForChallenge(globexId, challenge)).toBeUndefined();
    expect(await core.appleEnrollments.deviceForChallenge(DEFAULT_TENANT_ID, challenge)).toBe(soon.device.id);

    // SCEP binds the new identity to the same device, which stays managed; the challenge is then spent.
    const renewed = certificate(365);
    expect(await core.appleEnrollments.bindIdentity(DEFAULT_TENANT_ID, challenge, renewed)).toBe(
      soon.device.id,
    );
    expect(await core.appleEnrollments.bindIdentity(DEFAULT_TENANT_ID, challenge, certificate(365))).toBe(
      undefined,
    );
    expect(await core.devices.get(admin, soon.device.id)).toMatchObject({ state: "active" });
    // The new identity is the current one: the device no longer counts as ending soon.
    expect(await endingBefore(now + 30 * DAY)).toBe(0);
    const session = await core.appleEnrollments.commandSession(
      DEFAULT_TENANT_ID,
      renewed.serialNumber,
      soon.udid,
    );
    expect(session.device.id).toBe(soon.device.id);
    // Installing the profile, the device enrols again in place: Authenticate and TokenUpdate with the
    // new identity keep its queue (the renewal's answer is on its way) and leave it usable.
    const lock = await core.commands.send(admin, soon.device.id, { type: "lock" });
    await core.appleEnrollments.authenticate(DEFAULT_TENANT_ID, session.device, {
      udid: soon.udid,
      topic: "com.apple.mgmt.External.test",
    });
    expect(await core.commands.get(admin, command!.id)).toMatchObject({ state: "delivered" });
    expect(await core.commands.get(admin, lock.id)).toMatchObject({ state: "pending" });
    await core.appleEnrollments.activeEnrollment(DEFAULT_TENANT_ID, session.device, soon.udid);
    // Until the device acknowledges, the old identity still works.
    await core.appleEnrollments.commandSession(DEFAULT_TENANT_ID, soon.identity.serialNumber, soon.udid);

    await core.commands.report(DEFAULT_TENANT_ID, soon.device.id, command!.id, { status: "acknowledged" });
    await expect(
      core.appleEnrollments.commandSession(DEFAULT_TENANT_ID, soon.identity.serialNumber, soon.udid),
    ).rejects.toMatchObject({ kind: "forbidden", code: "certificate_revoked" });
    await core.appleEnrollments.commandSession(DEFAULT_TENANT_ID, renewed.serialNumber, soon.udid);
    expect(await core.devices.detail(admin, soon.device.id)).toMatchObject({
      identityExpiresAt: renewed.notAfter,
    });
    // Renewed for a year: not due any more.
    expect(queuedFor(await core.identityRenewals.queueDue(), DEFAULT_TENANT_ID)).toBe(0);
  });

  it("keeps the old identity when the device answers Error, and the next sweep tries again", async () => {
    const failing = await managedDevice("cy@example.com", 10);
    await core.identityRenewals.queueDue();
    const command = await core.commands.next(DEFAULT_TENANT_ID, failing.device.id, {
      resendUnanswered: true,
    });
    expect(command?.type).toBe("renew_identity");
    await core.appleEnrollments.renewalChallenge(DEFAULT_TENANT_ID, failing.device.id);
    const failed = await core.commands.report(DEFAULT_TENANT_ID, failing.device.id, command!.id, {
      status: "error",
      error: { code: "MCProfileErrorDomain:4001", message: "The profile could not be installed." },
    });
    expect(failed).toMatchObject({ state: "error", error: { code: "MCProfileErrorDomain:4001" } });
    await core.appleEnrollments.commandSession(
      DEFAULT_TENANT_ID,
      failing.identity.serialNumber,
      failing.udid,
    );
    expect(await core.devices.detail(admin, failing.device.id)).toMatchObject({
      identityExpiresAt: failing.identity.notAfter,
    });
    expect(queuedFor(await core.identityRenewals.queueDue(), DEFAULT_TENANT_ID)).toBe(1);
    expect(await openRenewals(failing.device.id)).toHaveLength(1);
  });

  it("leaves out devices that are not managed, disabled enrollments and revoked identities, per tenant", async () => {
    const retired = await managedDevice("dee@example.com", 5);
    await core.appleEnrollments.checkOut(DEFAULT_TENANT_ID, retired.device, retired.udid);
    const revoked = await managedDevice("eve@example.com", 300);
    // An unrevoked identity far from its end decides; a revoked one ending soon does not count.
    await env.store.forTenant(DEFAULT_TENANT_ID).deviceCertificates.insert({
      ...certificate(3),
      deviceId: revoked.device.id,
      issuedAt: now,
      revokedAt: now,
    });
    const other = await managedDevice("fay@globex.example", 5, globexId);

    const swept = await core.identityRenewals.queueDue();
    expect(queuedFor(swept, DEFAULT_TENANT_ID)).toBe(0);
    expect(queuedFor(swept, globexId)).toBe(1);
    expect(await openRenewals(retired.device.id)).toHaveLength(0);
    expect(await openRenewals(revoked.device.id)).toHaveLength(0);
    const globex = systemActor(globexId, "admin", ALL_PERMISSIONS);
    expect(
      (await core.commands.history(globex, other.device.id, {}, { limit: 10 })).items.map((c) => c.type),
    ).toContain("renew_identity");

    // A challenge is only ever made for an existing enrollment, and lasts its lifetime only.
    const plain = await core.devices.register(admin, { platform: "ios", name: "Not enrolled" });
    await expect(core.appleEnrollments.renewalChallenge(DEFAULT_TENANT_ID, plain.id)).rejects.toMatchObject({
      code: "not_enrolled",
    });
    const { challenge } = await core.appleEnrollments.renewalChallenge(globexId, other.device.id);
    now += 7 * DAY + 1;
    expect(await core.appleEnrollments.deviceForChallenge(globexId, challenge)).toBeUndefined();
  });
});
