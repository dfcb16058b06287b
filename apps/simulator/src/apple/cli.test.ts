import { spawn } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eventually, sendToAllAndWait } from "../testing/device-steps.js";
import { startAppleBed, type AppleBed } from "./testing.js";

const CLI = fileURLToPath(new URL("../../../cli/bin/meridian.js", import.meta.url));

/**
 * `meridian sim ios` as a user runs it: another process, reaching the APNs emulator through its
 * device API (registration and one push stream), enrolling through the relay.
 */
describe("meridian sim ios", () => {
  let apple: AppleBed;

  beforeAll(async () => {
    apple = await startAppleBed();
  });
  afterAll(async () => {
    await apple?.stop();
  });

  it("enrols the iPhones, answers a pushed batch command, and prints what it did", async () => {
    const user = await apple.bed.api<{ id: string }>("POST", "/api/v1/users", { email: "cli@example.com" });
    const activation = await apple.bed.api<{ password: string }>(
      "POST",
      `/api/v1/users/${user.body.id}/activations`,
      { singleUse: false, deviceLimit: 2 },
    );
    await new Promise((resolve) => setTimeout(resolve, 500)); // the relay learns of the activation
    const caFile = join(apple.bed.dirs.relay, "apns-emulator-ca.pem");
    writeFileSync(caFile, apple.apns.ca);
    const relay = apple.bed.relayContact;
    const child = spawn(
      process.execPath,
      [
        CLI,
        "sim",
        "ios",
        "--count=2",
        `--relay=${relay.edge}`,
        `--relay-host=${relay.host}`,
        `--relay-ca=${relay.caFingerprint}`,
        "--email=cli@example.com",
        `--password=${activation.body.password}`,
        `--apns-emulator=${apple.apns.url}`,
        `--apns-ca=${caFile}`,
        "--duration=60",
      ],
      { stdio: ["ignore", "pipe", "pipe"] },
    );
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.once("exit", resolve));
    try {
      await eventually(
        "two enrolled iPhones",
        async () => (stderr.includes("enrolled 2/2") ? true : undefined),
        60_000,
      );
      const page = await apple.bed.api<{ items: Array<{ id: string }> }>(
        "GET",
        `/api/v1/devices?owner=${user.body.id}`,
      );
      await sendToAllAndWait(
        apple.bed,
        "request_inventory",
        page.body.items.map((device) => device.id),
      );
    } finally {
      child.kill("SIGINT");
    }
    expect(await exited).toBe(0);
    expect(stdout).toMatch(/^Enrolled 2 of 2 iPhone\(s\) in [\d.]+ s/);
    expect(stdout).toMatch(/push\(es\) received/);
    expect(stderr).toMatch(/commands answered \d+/);
  }, 120_000);
});
