import { readFile, stat, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  ADMIN_EMAIL,
  ADMIN_PASSWORD,
  closedPort,
  startCliTestbed,
  type CliTestbed,
} from "../testing/cli-harness.js";

interface User {
  email: string;
  displayName: string;
  givenName: string | null;
  familyName: string | null;
}

describe("meridian users import against a real server", () => {
  let bed: CliTestbed;
  beforeAll(async () => {
    bed = await startCliTestbed();
    expect(
      (await bed.cli(["login", "--server", bed.url, "--email", ADMIN_EMAIL, "--password", ADMIN_PASSWORD]))
        .code,
    ).toBe(0);
  });
  afterAll(async () => bed?.stop());

  const userByEmail = async (email: string) =>
    (await bed.api<{ items: User[] }>("GET", `/api/v1/users?q=${encodeURIComponent(email)}`)).items.find(
      (u) => u.email === email,
    );

  it("creates the good rows and reports each bad one by its line in the file", async () => {
    await bed.api("POST", "/api/v1/users", { email: "existing@example.com" });
    const file = join(bed.dir, "people.csv");
    await writeFile(
      file,
      [
        "Email,displayName,given_name,Last_Name", // 1
        "ann@example.com,Ann,Ann,Archer", // 2
        "ben@example.com,,Ben,Baker", // 3
        "ANN@example.com,Ann again,,", // 4: the same email as row 2
        "not-an-email,Nobody,,", // 5
        "existing@example.com,Existing,,", // 6: already a user
        "cat@example.com,Cat,Cat", // 7: a field short
        "", // 8
        'dan@example.com,"Dan', // 9: a quoted line break
        'Dawson",Dan,Dawson', // 10
        "eve@example.com,Eve,Eve,Evans", // 11
        "",
      ].join("\n"),
    );

    const result = await bed.cli(["users", "import", file]);
    expect(result.code).toBe(2);
    const errorsFile = join(bed.dir, "people.errors.csv");
    expect(result.stdout).toBe(
      [
        "Created 4, failed 4.",
        "",
        "Failed rows:",
        "  row 4 (ANN@example.com): ann@example.com appears more than once in this file (first on row 2).",
        "  row 5 (not-an-email): email must be an email address such as jane@example.com",
        "  row 6 (existing@example.com): A user with the email existing@example.com already exists.",
        "  row 7 (cat@example.com): has 3 fields where the header has 4",
        "",
        `Every failed row is listed in ${errorsFile}.`,
        "",
      ].join("\n"),
    );
    expect(await readFile(errorsFile, "utf8")).toBe(
      [
        "row,email,code,message",
        "4,ANN@example.com,duplicate_in_file,ann@example.com appears more than once in this file (first on row 2).",
        "5,not-an-email,invalid_user,email must be an email address such as jane@example.com",
        "6,existing@example.com,user_exists,A user with the email existing@example.com already exists.",
        "7,cat@example.com,malformed_row,has 3 fields where the header has 4",
        "",
      ].join("\n"),
    );

    expect(await userByEmail("ann@example.com")).toMatchObject({
      displayName: "Ann",
      givenName: "Ann",
      familyName: "Archer",
    });
    expect(await userByEmail("ben@example.com")).toMatchObject({ displayName: "Ben Baker" });
    expect(await userByEmail("dan@example.com")).toMatchObject({
      displayName: "Dan Dawson",
      familyName: "Dawson",
    });
    expect(await userByEmail("eve@example.com")).toMatchObject({ givenName: "Eve" });
    expect(await userByEmail("cat@example.com")).toBeUndefined();
  });

  it("numbers rows across batches of 1,000 sent side by side, and exits 0 when all were created", async () => {
    const rows = Array.from({ length: 2500 }, (_, i) => `batch${i}@example.com,Batch ${i}`);
    rows[2200] = "bad row@example.com,Bad"; // line 2202 of the file
    const file = join(bed.dir, "many.csv");
    await writeFile(file, ["email,display_name", ...rows].join("\r\n"));

    const result = await bed.cli(["users", "import", file]);
    expect(result.code).toBe(2);
    expect(result.stdout).toContain("Created 2499, failed 1.");
    expect(result.stdout).toContain("  row 2202 (bad row@example.com): email must be an email address");
    expect(await userByEmail("batch2499@example.com")).toMatchObject({ displayName: "Batch 2499" });

    const good = join(bed.dir, "good.csv");
    await writeFile(good, "email\nfine1@example.com\nfine2@example.com\n");
    const clean = await bed.cli(["users", "import", good]);
    expect(clean).toMatchObject({ code: 0, stdout: "Created 2, failed 0.\n" });
    await expect(stat(join(bed.dir, "good.errors.csv"))).rejects.toThrow(/ENOENT/);
  });

  it("refuses a file with an unknown column or broken quoting before sending anything", async () => {
    const unknown = join(bed.dir, "unknown.csv");
    await writeFile(unknown, "email,phone\nphone@example.com,555\n");
    const result = await bed.cli(["users", "import", unknown]);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(
      `meridian: ${unknown}: unknown column "phone" in the header. Columns are: email (required), displayName, givenName (or first_name), familyName (or last_name).\n`,
    );

    const broken = join(bed.dir, "broken.csv");
    await writeFile(broken, 'email,displayName\nfirst@example.com,First\nsecond@example.com,"Second\n');
    const brokenResult = await bed.cli(["users", "import", broken]);
    expect(brokenResult.code).toBe(1);
    expect(brokenResult.stderr).toMatch(
      /^meridian: .*broken\.csv line \d+: Quote Not Closed.*Nothing was imported\.\n$/,
    );
    expect(await userByEmail("phone@example.com")).toBeUndefined();
    expect(await userByEmail("first@example.com")).toBeUndefined();

    const missing = await bed.cli(["users", "import", join(bed.dir, "missing.csv")]);
    expect(missing).toMatchObject({
      code: 1,
      stderr: `meridian: cannot read ${join(bed.dir, "missing.csv")}: no such file.\n`,
    });
  });

  it("stops with exit 1 when the server cannot be reached", async () => {
    const file = join(bed.dir, "offline.csv");
    await writeFile(file, "email\noffline@example.com\n");
    const server = `http://127.0.0.1:${await closedPort()}`;
    const result = await bed.cli(["users", "import", file, "--server", server, "--token", "mrt_x"]);
    expect(result).toMatchObject({ code: 1, stdout: "" });
    expect(result.stderr).toMatch(new RegExp(`^meridian: cannot reach ${server}: .*ECONNREFUSED`));
  });

  it("stops with exit 1 when the token is refused", async () => {
    const file = join(bed.dir, "token.csv");
    await writeFile(file, "email\ntoken@example.com\n");
    const result = await bed.cli(["users", "import", file, "--token", "mrs_expired"]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^meridian: Your session has expired or was ended; sign in again\./);
    expect(await userByEmail("token@example.com")).toBeUndefined();
  });
});
