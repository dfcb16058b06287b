import { readFile, stat } from "node:fs/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  ADMIN_EMAIL,
  ADMIN_PASSWORD,
  closedPort,
  startCliTestbed,
  type CliTestbed,
} from "../testing/cli-harness.js";

describe("meridian login and logout against a real server", () => {
  let bed: CliTestbed;
  beforeAll(async () => {
    bed = await startCliTestbed();
  });
  afterAll(async () => bed?.stop());

  it("stores the session in a file only its owner can read, and uses it", async () => {
    const login = await bed.cli([
      "login",
      "--server",
      `${bed.url}/`,
      "--email",
      ADMIN_EMAIL,
      "--password",
      ADMIN_PASSWORD,
    ]);
    expect(login).toMatchObject({ code: 0, stderr: "" });
    expect(login.stdout).toContain(`Signed in to ${bed.url} as ${ADMIN_EMAIL}`);

    expect((await stat(bed.configPath)).mode & 0o777).toBe(0o600);
    const stored = JSON.parse(await readFile(bed.configPath, "utf8")) as Record<string, unknown>;
    expect(stored).toEqual({
      server: bed.url,
      token: expect.stringMatching(/^mrs_/),
      expiresAt: expect.any(Number),
    });
    expect(stored.expiresAt).toBeGreaterThan(Date.now());

    const list = await bed.cli(["users", "list"]);
    expect(list).toMatchObject({ code: 0, stdout: "No users yet.\n" });
  });

  it("reads the password from MERIDIAN_PASSWORD, and refuses to ask for one without a terminal", async () => {
    const fromEnv = await bed.cli(["login", "--server", bed.url, "--email", ADMIN_EMAIL], {
      MERIDIAN_PASSWORD: ADMIN_PASSWORD,
    });
    expect(fromEnv.code).toBe(0);
    const none = await bed.cli(["login", "--server", bed.url, "--email", ADMIN_EMAIL]);
    expect(none).toMatchObject({
      code: 1,
      stderr:
        "meridian: No password: pass --password, set MERIDIAN_PASSWORD, or run meridian login in a terminal.\n",
    });
  });

  it("says when the password is wrong, without a stack trace", async () => {
    const result = await bed.cli([
      "login",
      "--server",
      bed.url,
      "--email",
      ADMIN_EMAIL,
      "--password",
      "wrong",
    ]);
    expect(result).toMatchObject({
      code: 1,
      stdout: "",
      stderr: "meridian: The email or password is wrong.\n",
    });
  });

  it("explains a bad token and exits 1", async () => {
    const result = await bed.cli(["users", "list", "--token", "mrt_not-a-real-token"]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(
      /^meridian: This API token is unknown, revoked or expired\.\nSign in with: meridian login/,
    );
    expect(result.stderr).not.toMatch(/\bat .*\.ts:\d+/);
  });

  it("takes the token and server from the environment", async () => {
    const { token } = await bed.api<{ token: string }>("POST", "/api/v1/api-tokens", { name: "cli test" });
    expect(token).toMatch(/^mrt_/);
    const result = await bed.cli(["users", "list"], {
      MERIDIAN_CLI_CONFIG: `${bed.dir}/nowhere.json`,
      MERIDIAN_SERVER: bed.url,
      MERIDIAN_TOKEN: token,
    });
    expect(result).toMatchObject({ code: 0, stdout: "No users yet.\n" });
  });

  it("says which server it cannot reach, and exits 1", async () => {
    const server = `http://127.0.0.1:${await closedPort()}`;
    const result = await bed.cli(["users", "list", "--server", server, "--token", "mrt_x"]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(new RegExp(`^meridian: cannot reach ${server}: .*ECONNREFUSED`));
  });

  it("asks to sign in when there is no stored session", async () => {
    const result = await bed.cli(["users", "list"], { MERIDIAN_CLI_CONFIG: `${bed.dir}/nowhere.json` });
    expect(result).toMatchObject({
      code: 1,
      stderr:
        "meridian: Not signed in: run meridian login --server URL --email EMAIL, or pass --server and --token.\n",
    });
  });

  it("logout ends the session on the server and forgets it here", async () => {
    const stored = JSON.parse(await readFile(bed.configPath, "utf8")) as { token: string };
    const result = await bed.cli(["logout"]);
    expect(result).toMatchObject({ code: 0, stdout: `Signed out of ${bed.url}.\n` });
    await expect(stat(bed.configPath)).rejects.toThrow(/ENOENT/);
    const after = await fetch(`${bed.url}/api/v1/auth/me`, {
      headers: { authorization: `Bearer ${stored.token}` },
    });
    expect(after.status).toBe(401);
    expect(await bed.cli(["logout"])).toMatchObject({ code: 0, stdout: "Not signed in.\n" });
  });
});
