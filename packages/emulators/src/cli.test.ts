import { describe, expect, it } from "vitest";
import { runEmulator, type EmulatorKind } from "./cli.js";

describe("runEmulator", () => {
  it.each<[EmulatorKind, string[]]>([
    ["apns", ["teamId", "keyId", "privateKey", "topic", "deviceToken", "ca"]],
    ["fcm", ["serviceAccount", "registrationToken"]],
    ["wns", ["clientId", "clientSecret", "tokenUrl", "channelUri"]],
  ])("starts the %s emulator and prints its URL and credentials", async (kind, fields) => {
    const lines: string[] = [];
    const running = await runEmulator(kind, { print: (line) => lines.push(line) });
    try {
      expect(lines[0]).toBe(`${kind.toUpperCase()} emulator listening at ${running.url}`);
      expect(running.url).toMatch(/^https?:\/\/127\.0\.0\.1:\d+$/);
      expect(Object.keys(JSON.parse(lines[1]!) as object)).toEqual(expect.arrayContaining(fields));
    } finally {
      await running.close();
    }
  });
});
