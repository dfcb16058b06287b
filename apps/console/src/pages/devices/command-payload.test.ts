import { describe, expect, it } from "vitest";
import {
  commandInputProblems,
  commandPayload,
  EMPTY_COMMAND_INPUT,
  generatePin,
  latestReportedProfiles,
} from "./command-payload";
import { COMMAND_CHOICES } from "./command-types";

const choice = (key: string) => COMMAND_CHOICES.find((c) => c.key === key)!;

describe("a command's payload", () => {
  it("asks a Mac's lock and wipe for a six-digit PIN, and nobody else's", () => {
    expect(commandInputProblems(choice("lock"), "macos", EMPTY_COMMAND_INPUT).pin).toBeDefined();
    expect(commandInputProblems(choice("wipe"), "macos", { ...EMPTY_COMMAND_INPUT, pin: "12345" }).pin).toBe(
      "Enter six digits",
    );
    expect(commandInputProblems(choice("lock"), "ios", EMPTY_COMMAND_INPUT)).toEqual({});
    expect(commandPayload(choice("lock"), "macos", { ...EMPTY_COMMAND_INPUT, pin: "042519" })).toEqual({
      pin: "042519",
    });
    expect(
      commandPayload(choice("lock"), "android", { ...EMPTY_COMMAND_INPUT, pin: "042519" }),
    ).toBeUndefined();
  });

  it("carries a scoped refresh's scope and what the administrator entered, trimmed", () => {
    expect(commandPayload(choice("request_inventory:security"), "ios", EMPTY_COMMAND_INPUT)).toEqual({
      scope: "security",
    });
    expect(
      commandPayload(choice("set_device_name"), "ios", { ...EMPTY_COMMAND_INPUT, name: " Kiosk 4 " }),
    ).toEqual({
      name: "Kiosk 4",
    });
    expect(
      commandInputProblems(choice("install_profile"), "ios", EMPTY_COMMAND_INPUT).profileId,
    ).toBeDefined();
  });

  it("generates PINs of six digits, skipping bytes that would favour low digits", () => {
    const bytes = [255, 250, 9, 19, 29, 39, 49, 59];
    expect(generatePin((n) => new Uint8Array(bytes.splice(0, n)))).toBe("999999");
    expect(generatePin()).toMatch(/^[0-9]{6}$/);
  });

  it("finds the profiles a device listed in its newest profile inventory, and nothing when never asked", () => {
    const wifi = { identifier: "com.example.wifi", displayName: "Office Wi-Fi" };
    const vpn = { identifier: "com.example.vpn", displayName: null };
    expect(
      latestReportedProfiles([
        { type: "lock", result: null },
        { type: "request_inventory", result: { apps: 12 } },
        { type: "request_inventory", result: { profiles: [wifi, { displayName: "no identifier" }] } },
        { type: "request_inventory", result: { profiles: [vpn] } },
      ]),
    ).toEqual([wifi]);
    expect(latestReportedProfiles([{ type: "request_inventory", result: { apps: 3 } }])).toBeUndefined();
    expect(latestReportedProfiles([])).toBeUndefined();
  });
});
