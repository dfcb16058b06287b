import { describe, expect, it } from "vitest";
import { decodePlistDict } from "../plist/decode.js";
import type { PlistDict } from "../plist/value.js";
import { vectorBytes } from "../testing/vectors.js";
import { encodeCommand } from "./encode.js";
import type { AppleCommand, ApplePlatform } from "./types.js";
import { isUrgentRequestType } from "./urgency.js";
import { validateAppleCommand } from "./validate.js";

function decoded(body: Uint8Array): PlistDict {
  const result = decodePlistDict(body);
  if (!result.ok) throw result.error;
  return result.value;
}

const problems = (command: AppleCommand, platform: ApplePlatform) =>
  validateAppleCommand(command, platform).map((error) => `${error.code}:${error.field}`);

describe("encodeCommand", () => {
  it("round-trips micromdm's InstallProfile command", () => {
    const vector = decoded(vectorBytes("micromdm/InstallProfile.plist"));
    const command = vector.Command as PlistDict;
    const payload = command.Payload as Buffer;
    expect(payload.toString()).toBe("foobarbaz");
    const ours = encodeCommand(vector.CommandUUID as string, {
      RequestType: "InstallProfile",
      Payload: payload,
    });
    expect(decoded(ours)).toEqual(vector);
  });

  it("writes plain Uint8Arrays as <data> and leaves out absent keys", () => {
    const body = encodeCommand("u-1", {
      RequestType: "ClearPasscode",
      UnlockToken: new Uint8Array([1, 2, 3]),
    }).toString();
    expect(body).toContain("<data>AQID</data>");
    const lock = decoded(
      encodeCommand("u-2", { RequestType: "DeviceLock", Message: undefined, PIN: "123456" }),
    );
    expect(lock).toEqual({ CommandUUID: "u-2", Command: { RequestType: "DeviceLock", PIN: "123456" } });
  });

  it("writes DeviceInformation queries as an array of strings", () => {
    const body = decoded(
      encodeCommand("u-3", { RequestType: "DeviceInformation", Queries: ["UDID", "OSVersion"] }),
    );
    expect(body.Command).toEqual({ RequestType: "DeviceInformation", Queries: ["UDID", "OSVersion"] });
  });
});

describe("validateAppleCommand", () => {
  it("accepts well-formed commands", () => {
    expect(problems({ RequestType: "DeviceLock", PIN: "012345", Message: "Lost" }, "macos")).toEqual([]);
    expect(problems({ RequestType: "EraseDevice", PreserveDataPlan: true }, "ios")).toEqual([]);
    expect(
      problems({ RequestType: "InstallApplication", iTunesStoreID: 361309726, ManagementFlags: 1 }, "ios"),
    ).toEqual([]);
    expect(
      problems({ RequestType: "Settings", Settings: [{ Item: "DeviceName", DeviceName: "x" }] }, "ios"),
    ).toEqual([]);
  });

  it("wants a six-digit PIN on macOS and none on iOS", () => {
    expect(problems({ RequestType: "DeviceLock", PIN: "1234" }, "macos")).toEqual(["invalid_field:PIN"]);
    expect(problems({ RequestType: "DeviceLock", PIN: "12345a" }, "macos")).toEqual(["invalid_field:PIN"]);
    expect(problems({ RequestType: "DeviceLock", PIN: "123456" }, "ios")).toEqual(["invalid_field:PIN"]);
    expect(problems({ RequestType: "EraseDevice", PIN: "99" }, "macos")).toEqual(["invalid_field:PIN"]);
  });

  it("keeps platform-only erase options on their platform", () => {
    expect(problems({ RequestType: "EraseDevice", PreserveDataPlan: true }, "macos")).toEqual([
      "invalid_field:PreserveDataPlan",
    ]);
    expect(problems({ RequestType: "EraseDevice", ObliterationBehavior: "Always" }, "ios")).toEqual([
      "invalid_field:ObliterationBehavior",
    ]);
  });

  it("refuses an empty profile payload", () => {
    expect(problems({ RequestType: "InstallProfile", Payload: new Uint8Array() }, "ios")).toEqual([
      "invalid_field:Payload",
    ]);
  });

  it("refuses ClearPasscode without an unlock token, and on a Mac", () => {
    expect(problems({ RequestType: "ClearPasscode", UnlockToken: new Uint8Array() }, "ios")).toEqual([
      "invalid_field:UnlockToken",
    ]);
    expect(problems({ RequestType: "ClearPasscode", UnlockToken: Buffer.from("k") }, "macos")).toEqual([
      "unsupported_platform:RequestType",
    ]);
  });

  it("wants exactly one app source and an https manifest", () => {
    expect(problems({ RequestType: "InstallApplication" }, "ios")).toEqual(["invalid_field:iTunesStoreID"]);
    expect(
      problems({ RequestType: "InstallApplication", iTunesStoreID: 1, Identifier: "com.example.app" }, "ios"),
    ).toEqual(["invalid_field:iTunesStoreID"]);
    expect(problems({ RequestType: "InstallApplication", ManifestURL: "http://x/m.plist" }, "ios")).toEqual([
      "invalid_field:ManifestURL",
    ]);
  });

  it("refuses empty identifiers, queries and settings", () => {
    expect(problems({ RequestType: "RemoveProfile", Identifier: " " }, "ios")).toEqual([
      "invalid_field:Identifier",
    ]);
    expect(problems({ RequestType: "DeviceInformation", Queries: [] }, "ios")).toEqual([
      "invalid_field:Queries",
    ]);
    expect(problems({ RequestType: "Settings", Settings: [{ DeviceName: "x" }] }, "ios")).toEqual([
      "invalid_field:Settings",
    ]);
  });
});

describe("isUrgentRequestType", () => {
  it("lets lock and erase jump the queue, and nothing else", () => {
    expect(isUrgentRequestType("DeviceLock")).toBe(true);
    expect(isUrgentRequestType("EraseDevice")).toBe(true);
    expect(isUrgentRequestType("DeviceInformation")).toBe(false);
    expect(isUrgentRequestType("InstallApplication")).toBe(false);
  });
});
