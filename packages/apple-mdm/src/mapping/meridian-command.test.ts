import { COMMAND_TYPES, type CommandType } from "@meridian/core";
import { describe, expect, it } from "vitest";
import type { ApplePlatform } from "../commands/types.js";
import { appleCommandFor, type AppleCommandContext } from "./meridian-command.js";

function map(
  type: CommandType,
  payload: Record<string, unknown>,
  platform: ApplePlatform,
  context?: AppleCommandContext,
) {
  const result = appleCommandFor(type, payload, platform, context);
  return result.ok
    ? result.value
    : { error: result.error.code, field: result.error.field, message: result.error.message };
}

describe("appleCommandFor", () => {
  it("has an answer for every Meridian command type", () => {
    for (const type of COMMAND_TYPES) {
      const result = appleCommandFor(
        type,
        { packageName: "com.example.app", identifier: "com.example.p", name: "Phone" },
        "ios",
        {
          unlockToken: Buffer.from("k"),
          profilePayload: Buffer.from("<plist/>"),
          enrollmentProfile: Buffer.from("<plist/>"),
        },
      );
      expect(result.ok || result.error.code, type).toBe(
        type === "delete_work_data" ? "unsupported_command" : true,
      );
    }
  });

  it("asks for one inventory query per scope, and installs and removes stored profiles", () => {
    expect(map("request_inventory", {}, "ios")).toMatchObject({ RequestType: "DeviceInformation" });
    expect(map("request_inventory", { scope: "security" }, "macos")).toEqual({ RequestType: "SecurityInfo" });
    expect(map("request_inventory", { scope: "apps" }, "ios")).toEqual({
      RequestType: "InstalledApplicationList",
    });
    expect(map("request_inventory", { scope: "profiles" }, "ios")).toEqual({ RequestType: "ProfileList" });
    expect(map("request_inventory", { scope: "certificates" }, "ios")).toEqual({
      RequestType: "CertificateList",
    });
    const payload = Buffer.from("<plist/>");
    expect(map("install_profile", { profileId: "p" }, "ios", { profilePayload: payload })).toEqual({
      RequestType: "InstallProfile",
      Payload: payload,
    });
    const deleted = appleCommandFor("install_profile", { profileId: "p" }, "ios");
    expect(deleted.ok ? "ok" : deleted.error.message).toMatch(/deleted/);
    const renewal = Buffer.from("signed enrollment profile");
    expect(map("renew_identity", {}, "macos", { enrollmentProfile: renewal })).toEqual({
      RequestType: "InstallProfile",
      Payload: renewal,
    });
    const unrendered = appleCommandFor("renew_identity", {}, "ios");
    expect(unrendered.ok ? "ok" : unrendered.error.code).toBe("missing_field");
    expect(map("remove_profile", { identifier: "com.example.wifi" }, "ios")).toEqual({
      RequestType: "RemoveProfile",
      Identifier: "com.example.wifi",
    });
    expect(map("set_device_name", { name: "Front desk" }, "ios")).toEqual({
      RequestType: "Settings",
      Settings: [{ Item: "DeviceName", DeviceName: "Front desk" }],
    });
    expect(map("lock", { pin: "135790" }, "macos")).toEqual({ RequestType: "DeviceLock", PIN: "135790" });
  });

  it("locks an iPhone with its message and phone number", () => {
    expect(map("lock", { message: "Call me", phoneNumber: "+1 555" }, "ios")).toEqual({
      RequestType: "DeviceLock",
      Message: "Call me",
      PhoneNumber: "+1 555",
    });
  });

  it("locks a Mac only with a six-digit PIN", () => {
    expect(map("lock", {}, "macos", { pin: "246810" })).toEqual({ RequestType: "DeviceLock", PIN: "246810" });
    expect(map("lock", {}, "macos")).toMatchObject({ error: "missing_field", field: "pin" });
    expect(map("lock", {}, "macos", { pin: "12" })).toMatchObject({ error: "invalid_field", field: "PIN" });
  });

  it("wipes, keeping the data plan only where there is one", () => {
    expect(map("wipe", { preserveDataPlan: true }, "ios")).toEqual({
      RequestType: "EraseDevice",
      PreserveDataPlan: true,
    });
    expect(map("wipe", {}, "macos", { pin: "135790" })).toEqual({
      RequestType: "EraseDevice",
      PIN: "135790",
    });
    expect(map("wipe", { preserveDataPlan: true }, "macos")).toMatchObject({ error: "invalid_field" });
    expect(map("wipe", { wipeExternalStorage: true }, "ios")).toMatchObject({ error: "unsupported_command" });
  });

  it("reboots and requests inventory", () => {
    expect(map("reboot", {}, "ios")).toEqual({ RequestType: "RestartDevice" });
    const inventory = map("request_inventory", {}, "macos");
    expect(inventory).toMatchObject({ RequestType: "DeviceInformation" });
    expect("Queries" in inventory && inventory.Queries).toEqual(
      expect.arrayContaining(["SerialNumber", "OSVersion", "BuildVersion", "DeviceCapacity", "WiFiMAC"]),
    );
  });

  it("clears a passcode only with the device's unlock token", () => {
    const token = Buffer.from("keybag");
    expect(map("reset_password", {}, "ios", { unlockToken: token })).toEqual({
      RequestType: "ClearPasscode",
      UnlockToken: token,
    });
    expect(map("reset_password", {}, "ios")).toMatchObject({ error: "missing_field", field: "UnlockToken" });
    expect(map("reset_password", { newPassword: "x" }, "ios", { unlockToken: token })).toMatchObject({
      error: "unsupported_command",
    });
    expect(map("reset_password", {}, "macos", { unlockToken: token })).toMatchObject({
      error: "unsupported_platform",
    });
  });

  it("installs an app from the store by bundle ID or from a manifest, and removes it", () => {
    expect(map("install_app", { packageName: "com.example.app" }, "ios")).toEqual({
      RequestType: "InstallApplication",
      Identifier: "com.example.app",
      ManagementFlags: 1,
    });
    expect(
      map(
        "install_app",
        { packageName: "com.example.app", downloadUrl: "https://apps.example.com/m.plist" },
        "ios",
      ),
    ).toEqual({
      RequestType: "InstallApplication",
      ManifestURL: "https://apps.example.com/m.plist",
      ManagementFlags: 1,
    });
    expect(map("uninstall_app", { packageName: "com.example.app" }, "macos")).toEqual({
      RequestType: "RemoveApplication",
      Identifier: "com.example.app",
    });
  });

  it("says delete_work_data is not supported on Apple devices", () => {
    const result = map("delete_work_data", {}, "ios");
    expect(result).toMatchObject({ error: "unsupported_command" });
    expect("message" in result && result.message).toMatch(/not supported on Apple devices/);
  });
});
