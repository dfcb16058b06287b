import { X509Certificate } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eventually } from "../testing/device-steps.js";
import type { AppleDevice } from "./apple-device.js";
import { enrolIdentity, type AppleIdentity } from "./enrol.js";
import { MdmClient, MdmRequestRefused } from "./mdm-client.js";
import {
  commandEnding,
  commandInState,
  enrolForNewUser,
  heldPushes,
  startAppleBed,
  type AppleBed,
  type CommandView,
} from "./testing.js";

/**
 * Identities renewed before they end, end to end through the relay: the server's sweep queues
 * renew_identity, the device gets a fresh enrollment profile in InstallProfile, enrols a new
 * identity by SCEP with its challenge and signs with it from then on. Identities here last 20 days,
 * inside the 30-day renewal window, so every enrolled device is due at once.
 */
describe("Apple identity renewal", () => {
  let apple: AppleBed;
  const devices: AppleDevice[] = [];

  beforeAll(async () => {
    apple = await startAppleBed({ server: { appleEnrollment: { identityLifetimeDays: 20 } } });
  });
  afterAll(async () => {
    for (const device of devices) device.close();
    await apple?.stop();
  });

  const sweep = () => apple.bed.server.core.identityRenewals.queueDue();
  const renewals = async (deviceId: string) =>
    (
      await apple.bed.api<{ items: CommandView[] }>("GET", `/api/v1/devices/${deviceId}/commands?limit=100`)
    ).body.items.filter((c) => c.type === "renew_identity");
  const identityExpiry = async (deviceId: string) =>
    (await apple.bed.api<{ identityExpiresAt: number | null }>("GET", `/api/v1/devices/${deviceId}`)).body
      .identityExpiresAt;
  const notAfter = (identity: AppleIdentity) =>
    new Date(new X509Certificate(identity.certificatePem).validTo).getTime();
  /** The device's MDM connection, as one still holding `identity` would make it. */
  const clientWith = (device: AppleDevice, identity: AppleIdentity) =>
    new MdmClient(
      { edge: apple.bed.relayContact.edge, serverName: new URL(device.profile.mdm.serverUrl).hostname },
      device.profile.caCertificatePem,
      identity,
      device.profile.mdm,
    );

  it("renews an identity near its end: the new one is used and accepted, the old one refused with 403", async () => {
    const pushes = heldPushes(apple.push);
    const { device, deviceId } = await enrolForNewUser(apple, "renew@example.com", "ios", {
      push: pushes.listener,
    });
    devices.push(device);
    await commandEnding(apple.bed, deviceId, { type: "request_inventory" });
    const old = device.identity;
    expect(await identityExpiry(deviceId)).toBe(notAfter(old));

    // While the device has not fetched it, another sweep queues nothing more for it.
    pushes.hold();
    expect((await sweep()).queued).toBeGreaterThanOrEqual(1);
    await sweep();
    const [queued, ...more] = await renewals(deviceId);
    expect(more).toEqual([]);
    expect(queued).toMatchObject({ state: "pending" });

    pushes.release();
    await commandInState(apple.bed, deviceId, queued!.id, "acknowledged");
    const renewed = device.identity;
    expect(renewed.certificatePem).not.toBe(old.certificatePem);
    expect(await identityExpiry(deviceId)).toBe(notAfter(renewed));
    expect(device.received.at(-1)).toMatchObject({ requestType: "InstallProfile", status: "Acknowledged" });

    // The next check-ins are signed by the new identity and accepted.
    await commandEnding(apple.bed, deviceId, { type: "request_inventory", payload: { scope: "security" } });
    // A request signed with the old identity is refused, with 403 and never 401.
    const stale = clientWith(device, old);
    try {
      const refused = await stale
        .report({ UDID: device.udid, Status: "Idle" })
        .catch((error: unknown) => error);
      expect(refused).toBeInstanceOf(MdmRequestRefused);
      expect(refused).toMatchObject({ status: 403 });
      await expect(
        stale.checkIn({
          MessageType: "TokenUpdate",
          UDID: device.udid,
          Topic: device.profile.mdm.topic,
          Token: Buffer.from(device.token, "hex"),
          PushMagic: device.pushMagic,
        }),
      ).rejects.toMatchObject({ status: 403 });
    } finally {
      stale.close();
    }

    // The renewal profile's challenge was spent by the device: it gives no second identity.
    const endpoint = {
      edge: apple.bed.relayContact.edge,
      serverName: new URL(device.profile.mdm.serverUrl).hostname,
    };
    await expect(enrolIdentity(device.profile, endpoint)).rejects.toThrow(
      /refused the request \(badRequest\)/,
    );
    expect(await identityExpiry(deviceId)).toBe(notAfter(renewed));
    // This device is due again (identities last 20 days here); the next test's sweeps leave it be.
    pushes.hold();
  });

  it("keeps the old identity when the device answers the renewal with Error, and the next sweep tries again", async () => {
    const { device, deviceId } = await enrolForNewUser(apple, "refuses@example.com", "macos", {
      failWith: ["InstallProfile"],
    });
    devices.push(device);
    await commandEnding(apple.bed, deviceId, { type: "request_inventory" });
    const old = device.identity;

    await sweep();
    const [renewal] = await renewals(deviceId);
    const failed = await commandInState(apple.bed, deviceId, renewal!.id, "error");
    expect(failed.error?.code).toMatch(/^MCMDMErrorDomain:/);
    expect(device.identity).toBe(old);
    expect(await identityExpiry(deviceId)).toBe(notAfter(old));
    // Still managed with the old identity.
    await commandEnding(apple.bed, deviceId, { type: "request_inventory", payload: { scope: "security" } });

    await sweep();
    await eventually("another renewal to be queued and fail", async () => {
      const all = await renewals(deviceId);
      return all.length === 2 && all.every((c) => c.state === "error") ? all : undefined;
    });
    expect(device.identity).toBe(old);
  });
});
