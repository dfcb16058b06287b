import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ADMIN_EMAIL, ADMIN_PASSWORD, startCliTestbed, type CliTestbed } from "../testing/cli-harness.js";

interface Activation {
  status: string;
  expiresAt: number;
  maxUses: number | null;
  deviceLimit: number;
}

describe("meridian activations create against a real server", () => {
  let bed: CliTestbed;
  let userId: string;
  beforeAll(async () => {
    bed = await startCliTestbed();
    expect(
      (await bed.cli(["login", "--server", bed.url, "--email", ADMIN_EMAIL, "--password", ADMIN_PASSWORD]))
        .code,
    ).toBe(0);
    // A second user whose email contains the first one's, so that search alone would find two.
    await bed.api("POST", "/api/v1/users", { email: "xmax@example.com" });
    userId = (
      await bed.api<{ id: string }>("POST", "/api/v1/users", { email: "max@example.com", displayName: "Max" })
    ).id;
  });
  afterAll(async () => bed?.stop());

  it("prints a password of the requested length, its expiry and a QR code, and the server lists it as active", async () => {
    const before = Date.now();
    const result = await bed.cli([
      "activations",
      "create",
      "--user",
      "MAX@example.com",
      "--expires",
      "30m",
      "--length",
      "14",
      "--multi-use",
      "--device-limit",
      "3",
    ]);
    expect(result).toMatchObject({ code: 0, stderr: "" });
    expect(result.stdout).toContain("Activation for max@example.com (Max)");
    const password = /^ {2}Password {2}(\S+)$/m.exec(result.stdout)?.[1];
    expect(password).toMatch(/^[A-Za-z0-9]{14}$/);
    expect(result.stdout).toMatch(/^ {2}Expires {3}\S/m);
    expect(result.stdout).toContain("reusable, up to 3 device(s)");
    expect(result.stdout).toContain("▄▄▄▄▄▄▄"); // the QR code's finder pattern, drawn in half blocks

    const { items } = await bed.api<{ items: Activation[] }>("GET", `/api/v1/users/${userId}/activations`);
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({ status: "active", maxUses: null, deviceLimit: 3 });
    expect(items[0]!.expiresAt - before).toBeGreaterThan(29 * 60_000);
    expect(items[0]!.expiresAt - before).toBeLessThan(31 * 60_000);
  });

  it("says so when no user has the email, and checks its flags before calling the server", async () => {
    const unknown = await bed.cli(["activations", "create", "--user", "ax@example.com"]);
    expect(unknown).toMatchObject({
      code: 1,
      stderr:
        "meridian: No user has the email ax@example.com; create it with meridian users create --email ax@example.com.\n",
    });
    const tooLong = await bed.cli(["activations", "create", "--user", "max@example.com", "--expires", "31d"]);
    expect(tooLong).toMatchObject({ code: 1, stderr: "meridian: --expires can be at most 30d.\n" });
    const badUnit = await bed.cli(["activations", "create", "--user", "max@example.com", "--expires", "2w"]);
    expect(badUnit.code).toBe(1);
    expect(badUnit.stderr).toContain("Write it as a number and a unit: 30m, 48h or 7d.");
  });
});
