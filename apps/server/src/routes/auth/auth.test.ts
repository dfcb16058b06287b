import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ADMIN_EMAIL, ADMIN_PASSWORD, startTestServer, type TestServer } from "../../testing/test-server.js";

describe("authentication", () => {
  let server: TestServer;
  let now = Date.now();

  beforeAll(async () => {
    server = await startTestServer({
      clock: { now: () => now },
      app: { loginLimits: { perAddressPerMinute: 100, perEmailPer15Minutes: 6 } },
    });
  });
  afterAll(async () => server.close());

  it("signs in, says who you are, and signs out for good", async () => {
    const login = await server.call("POST", "/api/v1/auth/login", {
      body: { email: " ADMIN@example.com ", password: ADMIN_PASSWORD },
    });
    expect(login.statusCode).toBe(200);
    const { token, administrator } = login.json<{ token: string; administrator: { roleId: string } }>();
    expect(token).toMatch(/^mrs_/);
    expect(administrator.roleId).toBe("security-administrator");
    const me = await server.call("GET", "/api/v1/auth/me", { token });
    expect(me.json()).toMatchObject({ label: ADMIN_EMAIL, type: "administrator" });
    expect(me.json<{ permissions: string[] }>().permissions).toContain("roles:write");
    expect((await server.call("POST", "/api/v1/auth/logout", { token })).statusCode).toBe(204);
    const after = await server.call("GET", "/api/v1/auth/me", { token });
    expect(after.statusCode).toBe(401);
    expect(after.json().code).toBe("session_expired");
  });

  it("gives the same answer for a wrong password and an unknown email, and audits the failure", async () => {
    const wrong = await server.call("POST", "/api/v1/auth/login", {
      body: { email: ADMIN_EMAIL, password: "not the password" },
    });
    const unknown = await server.call("POST", "/api/v1/auth/login", {
      body: { email: "nobody@example.com", password: "not the password" },
    });
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json()).toEqual(unknown.json());
    const token = await server.login();
    const events = (
      await server.call("GET", "/api/v1/audit-events?action=auth.login_failed", { token })
    ).json<{ items: Array<{ details: { reason: string } }> }>();
    expect(events.items[0]!.details.reason).toBe("wrong_password");
  });

  it("counts only failures against an account", async () => {
    for (let i = 0; i < 10; i++) await server.login();
    expect(
      (
        await server.call("POST", "/api/v1/auth/login", {
          body: { email: ADMIN_EMAIL, password: ADMIN_PASSWORD },
        })
      ).statusCode,
    ).toBe(200);
  });

  it("rate limits sign-in per email, with Retry-After", async () => {
    let last;
    for (let i = 0; i < 7; i++) {
      last = await server.call("POST", "/api/v1/auth/login", {
        body: { email: "target@example.com", password: `guess ${i}` },
      });
    }
    expect(last!.statusCode).toBe(429);
    expect(last!.json().code).toBe("too_many_attempts");
    expect(Number(last!.headers["retry-after"])).toBeGreaterThan(0);
  });

  it("expires sessions", async () => {
    const token = await server.login();
    now += 13 * 3600_000;
    const response = await server.call("GET", "/api/v1/auth/me", { token });
    expect(response.statusCode).toBe(401);
    expect(response.json().code).toBe("session_expired");
  });

  it("issues API tokens for automation that act with the creator's role until revoked", async () => {
    const token = await server.login();
    const created = await server.call("POST", "/api/v1/api-tokens", {
      token,
      body: { name: "nightly sync", expiresInDays: 30 },
    });
    expect(created.statusCode).toBe(201);
    const { token: apiToken, apiToken: record } = created.json<{
      token: string;
      apiToken: { id: string; prefix: string };
    }>();
    expect(apiToken).toMatch(/^mrt_/);
    expect(apiToken.startsWith(record.prefix)).toBe(true);
    expect((await server.call("GET", "/api/v1/users", { token: apiToken })).statusCode).toBe(200);
    // A token cannot mint further tokens.
    expect(
      (await server.call("POST", "/api/v1/api-tokens", { token: apiToken, body: { name: "child" } }))
        .statusCode,
    ).toBe(422);
    const listed = await server.call("GET", "/api/v1/api-tokens", { token });
    expect(JSON.stringify(listed.json())).not.toContain(apiToken);
    expect((await server.call("DELETE", `/api/v1/api-tokens/${record.id}`, { token })).statusCode).toBe(204);
    expect((await server.call("GET", "/api/v1/users", { token: apiToken })).statusCode).toBe(401);
    const audit = await server.call("GET", "/api/v1/audit-events?action=api_token", { token });
    expect(audit.json<{ items: Array<{ action: string }> }>().items.map((e) => e.action)).toEqual([
      "api_token.revoke",
      "api_token.create",
    ]);
  });

  it("ends the sessions of a disabled administrator", async () => {
    const token = await server.login();
    const created = await server.call("POST", "/api/v1/administrators", {
      token,
      body: { email: "temp@example.com", password: "temporary password", roleId: "help-desk" },
    });
    const tempToken = await server.login("temp@example.com", "temporary password");
    expect((await server.call("GET", "/api/v1/users", { token: tempToken })).statusCode).toBe(200);
    await server.call("PATCH", `/api/v1/administrators/${created.json<{ id: string }>().id}`, {
      token,
      body: { disabled: true },
    });
    expect((await server.call("GET", "/api/v1/users", { token: tempToken })).statusCode).toBe(401);
    const again = await server.call("POST", "/api/v1/auth/login", {
      body: { email: "temp@example.com", password: "temporary password" },
    });
    expect(again.json().code).toBe("administrator_disabled");
  });
});
