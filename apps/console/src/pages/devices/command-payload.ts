import type { Platform } from "../../api/types";
import type { CommandChoice } from "./command-types";

/** What the administrator may enter for a command; each command reads the fields it takes. */
export interface CommandInput {
  message: string;
  pin: string;
  profileId: string | null;
  identifier: string;
  name: string;
}

export const EMPTY_COMMAND_INPUT: CommandInput = {
  message: "",
  pin: "",
  profileId: null,
  identifier: "",
  name: "",
};

/** A Mac locked or erased by MDM asks for a six-digit PIN before anyone can use it again. */
export function needsPin(choice: CommandChoice, platform: Platform): boolean {
  return platform === "macos" && (choice.type === "lock" || choice.type === "wipe");
}

/** Why the entered values cannot be sent yet, by field; empty when they can. */
export function commandInputProblems(
  choice: CommandChoice,
  platform: Platform,
  input: CommandInput,
): Partial<Record<keyof CommandInput, string>> {
  const problems: Partial<Record<keyof CommandInput, string>> = {};
  if (needsPin(choice, platform) && !/^[0-9]{6}$/.test(input.pin)) problems.pin = "Enter six digits";
  if (choice.type === "install_profile" && !input.profileId) problems.profileId = "Choose a profile";
  if (choice.type === "remove_profile" && !input.identifier.trim())
    problems.identifier = "Enter the profile's identifier";
  if (choice.type === "set_device_name" && !input.name.trim()) problems.name = "Enter the new name";
  return problems;
}

/** The payload the command API takes for this choice and these values. */
export function commandPayload(
  choice: CommandChoice,
  platform: Platform,
  input: CommandInput,
): Record<string, unknown> | undefined {
  const payload: Record<string, unknown> = { ...choice.payload };
  if (choice.type === "lock" && input.message.trim()) payload.message = input.message.trim();
  if (needsPin(choice, platform)) payload.pin = input.pin;
  if (choice.type === "install_profile") payload.profileId = input.profileId;
  if (choice.type === "remove_profile") payload.identifier = input.identifier.trim();
  if (choice.type === "set_device_name") payload.name = input.name.trim();
  return Object.keys(payload).length > 0 ? payload : undefined;
}

/** Six random digits, each equally likely. */
export function generatePin(randomBytes = (n: number) => crypto.getRandomValues(new Uint8Array(n))): string {
  let pin = "";
  while (pin.length < 6)
    // 250 is the largest multiple of 10 a byte can reach: bytes above it would favour low digits.
    for (const byte of randomBytes(6)) if (byte < 250 && pin.length < 6) pin += String(byte % 10);
  return pin;
}

export interface ReportedProfile {
  identifier: string;
  displayName: string | null;
}

/**
 * The profiles a device listed in its latest answer to a profile inventory, from its acknowledged
 * commands newest first; undefined when it has not been asked (or its answers are not lists).
 */
export function latestReportedProfiles(
  commands: ReadonlyArray<{ type: string; result?: unknown }>,
): ReportedProfile[] | undefined {
  for (const command of commands) {
    const profiles = (command.result as { profiles?: unknown } | null | undefined)?.profiles;
    if (command.type !== "request_inventory" || !Array.isArray(profiles)) continue;
    return profiles.filter(
      (p): p is ReportedProfile => typeof p === "object" && p !== null && typeof p.identifier === "string",
    );
  }
  return undefined;
}
