import { encodePlist } from "@meridian/apple-mdm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eventually } from "../testing/device-steps.js";
import type { AppleDevice } from "./apple-device.js";
import type { ApplePlatform } from "./hardware.js";
import { commandEnding, enrolForNewUser, startAppleBed, type AppleBed } from "./testing.js";

const WIFI_PROFILE = encodePlist({
  PayloadType: "Configuration",
  PayloadIdentifier: "com.acme.wifi",
  PayloadUUID: "0E7C3B4A-4C1B-4F5E-9A0B-7D2C1E6F8A90",
  PayloadDisplayName: "Acme office Wi-Fi",
  PayloadVersion: 1,
  PayloadContent: [
    {
      PayloadType: "com.apple.wifi.managed",
      PayloadIdentifier: "com.acme.wifi.network",
      PayloadUUID: "5A1D7E2B-8C3F-4B6A-9D0E-1F2A3B4C5D6E",
      PayloadVersion: 1,
      SSID_STR: "Acme",
      EncryptionType: "WPA2",
    },
  ],
});

/**
 * Simulated iPhones and Macs enrolled end to end through the relay (enrollment profile, SCEP, signed
 * check-ins), woken by APNs pushes from the relay, answering what the management API sends.
 */
describe("Apple devices through the relay", () => {
  let apple: AppleBed;
  let profileId: string;

  beforeAll(async () => {
    apple = await startAppleBed();
    const uploaded = await apple.bed.api<{ profile: { id: string } }>("POST", "/api/v1/profiles", {
      payloadBase64: WIFI_PROFILE.toString("base64"),
    });
    expect(uploaded.status).toBe(201);
    profileId = uploaded.body.profile.id;
  });
  afterAll(async () => {
    await apple?.stop();
  });

  describe.each([
    ["ios", "iPhone"],
    ["macos", "Mac"],
  ] as Array<[ApplePlatform, string]>)("%s (%s)", (platform) => {
    let device: AppleDevice;
    let deviceId: string;
    const send = (type: string, payload?: Record<string, unknown>) =>
      commandEnding(apple.bed, deviceId, payload ? { type, payload } : { type });

    beforeAll(async () => {
      ({ device, deviceId } = await enrolForNewUser(apple, `${platform}-user@example.com`, platform));
    });
    afterAll(() => device?.close());

    it("is in the device list with the inventory its first answers gave", async () => {
      const listed = await eventually("the device's first inventory", async () => {
        const answer = await apple.bed.api<{
          platform: string;
          model: string | null;
          osVersion: string | null;
        }>("GET", `/api/v1/devices/${deviceId}`);
        return answer.body.osVersion ? answer.body : undefined;
      });
      expect(listed).toMatchObject({
        platform,
        model: device.hardware.productName,
        osVersion: device.hardware.osVersion,
        serialNumber: device.hardware.serialNumber,
      });
      const inventory = await eventually("the inventory with apps", async () => {
        const answer = await apple.bed.api<{ apps: unknown[] } | null>(
          "GET",
          `/api/v1/devices/${deviceId}/inventory`,
        );
        return answer.body?.apps.length ? answer.body : undefined;
      });
      expect(inventory).toMatchObject({
        hardware: { manufacturer: "Apple", serialNumber: device.hardware.serialNumber },
      });
      expect(device.received.map((c) => c.requestType)).toEqual(
        expect.arrayContaining(["DeviceInformation", "SecurityInfo", "InstalledApplicationList"]),
      );
      expect(device.pushes + device.received.length).toBeGreaterThan(0);
    });

    it("installs the uploaded profile, lists it, and removes it", async () => {
      await send("install_profile", { profileId });
      expect(device.state.profiles.get("com.acme.wifi")?.managed).toBe(true);
      const listed = await send("request_inventory", { scope: "profiles" });
      expect(JSON.stringify(listed.result)).toContain("com.acme.wifi");
      await send("remove_profile", { identifier: "com.acme.wifi" });
      expect(device.state.profiles.has("com.acme.wifi")).toBe(false);
    });

    it("is woken by a push for each command: lock, inventory", async () => {
      const pushesBefore = device.pushes;
      await send("lock", platform === "macos" ? { pin: "123456" } : {});
      expect(device.state.locked).toBe(true);
      await send("request_inventory");
      expect(device.pushes).toBeGreaterThanOrEqual(pushesBefore + 2);
    });

    it("is erased, acknowledges it, and sends nothing more", async () => {
      await send("wipe");
      expect(device.state.erased).toBe(true);
      const answered = device.received.length;
      const later = await apple.bed.api<{ id: string }>("POST", `/api/v1/devices/${deviceId}/commands`, {
        type: "request_inventory",
      });
      await new Promise((resolve) => setTimeout(resolve, 500));
      expect(device.received.length).toBe(answered);
      const command = await apple.bed.api<{ state: string }>("GET", `/api/v1/commands/${later.body.id}`);
      expect(command.body.state).not.toBe("acknowledged");
    });
  });

  it("shows a NotNow answer as not_now and an Error answer with the device's ErrorChain", async () => {
    const { device, deviceId } = await enrolForNewUser(apple, "busy@example.com", "ios", {
      notNowOnce: ["ProfileList"],
      failWith: ["CertificateList"],
    });
    try {
      const deferred = await commandEnding(
        apple.bed,
        deviceId,
        { type: "request_inventory", payload: { scope: "profiles" } },
        "not_now",
      );
      expect(deferred.result).toBeNull();
      const failed = await commandEnding(
        apple.bed,
        deviceId,
        { type: "request_inventory", payload: { scope: "certificates" } },
        "error",
      );
      expect(failed.error).toEqual({
        code: "MCMDMErrorDomain:12000",
        message: "The simulator was told to fail CertificateList.",
      });
      expect(device.received.filter((c) => c.status !== "Acknowledged").map((c) => c.status)).toEqual([
        "NotNow",
        "Error",
      ]);
    } finally {
      device.close();
    }
  });
});
