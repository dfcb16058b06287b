import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ADMIN_EMAIL, ADMIN_PASSWORD, startCliTestbed, type CliTestbed } from "../testing/cli-harness.js";

describe("meridian users create and list against a real server", () => {
  let bed: CliTestbed;
  beforeAll(async () => {
    bed = await startCliTestbed();
    const login = await bed.cli([
      "login",
      "--server",
      bed.url,
      "--email",
      ADMIN_EMAIL,
      "--password",
      ADMIN_PASSWORD,
    ]);
    expect(login.code).toBe(0);
  });
  afterAll(async () => bed?.stop());

  it("creates a user that the list then shows", async () => {
    const created = await bed.cli([
      "users",
      "create",
      "--email",
      "Jane.Doe@Example.com",
      "--given-name",
      "Jane",
      "--family-name",
      "Doe",
    ]);
    expect(created.code).toBe(0);
    expect(created.stdout).toMatch(/^Created jane\.doe@example\.com \(Jane Doe\), id [0-9a-f-]{36}\.\n$/);
    await bed.cli(["users", "create", "--email", "zed@example.com", "--display-name", "Zed"]);

    const list = await bed.cli(["users", "list"]);
    expect(list.code).toBe(0);
    const lines = list.stdout.trimEnd().split("\n");
    expect(lines[0]).toMatch(/^EMAIL\s+DISPLAY NAME\s+SOURCE\s+ID$/);
    expect(lines[1]).toMatch(/^jane\.doe@example\.com\s+Jane Doe\s+local\s+[0-9a-f-]{36}$/);
    expect(lines[2]).toMatch(/^zed@example\.com\s+Zed\s+local\s+[0-9a-f-]{36}$/);
  });

  it("searches, limits, pages and prints JSON", async () => {
    for (let i = 0; i < 7; i += 1) await bed.api("POST", "/api/v1/users", { email: `page${i}@example.com` });

    const search = await bed.cli(["users", "list", "--search", "JANE", "--json"]);
    expect((JSON.parse(search.stdout) as Array<{ email: string }>).map((u) => u.email)).toEqual([
      "jane.doe@example.com",
    ]);

    const limited = await bed.cli(["users", "list", "--search", "page", "--limit", "3", "--json"]);
    expect(JSON.parse(limited.stdout)).toHaveLength(3);
    expect(limited.stderr).toContain("there are more (use --all or a larger --limit)");

    // More than one page of the API's largest (500), so --all has to follow nextCursor.
    const many = Array.from({ length: 600 }, (_, i) => ({
      email: `bulk${String(i).padStart(3, "0")}@example.com`,
    }));
    await bed.api("POST", "/api/v1/users/import", { users: many });
    const all = await bed.cli(["users", "list", "--all", "--json"]);
    const emails = (JSON.parse(all.stdout) as Array<{ email: string }>).map((u) => u.email);
    expect(emails).toHaveLength(609);
    expect(new Set(emails).size).toBe(609);
    expect(all.stderr).toBe("");
  });

  it("shows the server's reason when a user cannot be created", async () => {
    const duplicate = await bed.cli(["users", "create", "--email", "jane.doe@example.com"]);
    expect(duplicate).toMatchObject({
      code: 1,
      stdout: "",
      stderr: "meridian: A user with the email jane.doe@example.com already exists.\n",
    });
    const invalid = await bed.cli(["users", "create", "--email", "not-an-email"]);
    expect(invalid).toMatchObject({
      code: 1,
      stderr: "meridian: email must be an email address such as jane@example.com\n",
    });
  });
});
