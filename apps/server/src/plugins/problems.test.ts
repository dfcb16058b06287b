import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type TestServer } from "../testing/test-server.js";

/** Bad input gets a clear problem response and changes nothing. */
describe("bad input", () => {
  let server: TestServer;
  let token: string;
  const userCount = async () => {
    const page = await server.call("GET", "/api/v1/users?limit=500", { token });
    return page.json<{ items: unknown[] }>().items.length;
  };

  beforeAll(async () => {
    server = await startTestServer();
    token = await server.login();
    await server.call("POST", "/api/v1/users", { token, body: { email: "existing@example.com" } });
  });
  afterAll(async () => server.close());

  const cases: Array<
    [string, { body?: unknown; headers?: Record<string, string>; url?: string }, number, string]
  > = [
    ["malformed JSON", { body: '{"email": "a@b.co",' }, 400, "malformed_json"],
    [
      "an empty JSON body",
      { body: "", headers: { "content-type": "application/json" } },
      400,
      "malformed_json",
    ],
    ["a JSON array instead of an object", { body: "[1,2]" }, 422, "validation_failed"],
    ["a wrong type", { body: { email: 42 } }, 422, "validation_failed"],
    ["an unknown field", { body: { email: "new@example.com", isAdmin: true } }, 422, "validation_failed"],
    ["a missing required field", { body: { givenName: "No Email" } }, 422, "validation_failed"],
    ["an email that is not one", { body: { email: "not an email" } }, 422, "invalid_user"],
    [
      "a body over the limit",
      { body: JSON.stringify({ email: "big@example.com", displayName: "x".repeat(300 * 1024) }) },
      413,
      "body_too_large",
    ],
    [
      "a body that is not JSON",
      { body: "email=x", headers: { "content-type": "application/x-www-form-urlencoded" } },
      415,
      "unsupported_media_type",
    ],
    ["SQL in a field", { body: { email: "x'); DROP TABLE users; --@example.com" } }, 422, "invalid_user"],
    ["a duplicate", { body: { email: "EXISTING@example.com" } }, 409, "user_exists"],
  ];

  it.each(cases)(
    "refuses %s with the right status and code, and creates nothing",
    async (_name, input, status, code) => {
      const before = await userCount();
      const response = await server.call("POST", input.url ?? "/api/v1/users", {
        token,
        body: input.body,
        headers: input.headers,
      });
      expect(response.statusCode).toBe(status);
      expect(response.headers["content-type"]).toMatch(/^application\/problem\+json/);
      const problem = response.json<{ code: string; detail: string; status: number; type: string }>();
      expect(problem).toMatchObject({ code, status });
      expect(problem.detail.length).toBeGreaterThan(10);
      expect(problem.type).toBe(`urn:meridian:problem:${code}`);
      expect(await userCount()).toBe(before);
    },
  );

  it("names the fields that are wrong", async () => {
    const response = await server.call("POST", "/api/v1/users", { token, body: { email: 1, extra: 2 } });
    const problem = response.json<{ errors: Array<{ field: string }> }>();
    expect(problem.errors.map((e) => e.field).sort()).toEqual(["email", "extra"]);
  });

  it.each([
    ["/api/v1/users?limit=0", "validation_failed"],
    ["/api/v1/users?limit=501", "validation_failed"],
    ["/api/v1/users?limit=ten", "validation_failed"],
    ["/api/v1/users?cursor=not-a-cursor!", "invalid_cursor"],
    ["/api/v1/users?cursor=WyJhIl0", "invalid_cursor"],
    ["/api/v1/users?unknown=1", "validation_failed"],
    ["/api/v1/devices?platform=blackberry", "validation_failed"],
    ["/api/v1/devices?osVersion=1'%20OR%20'1'='1", "invalid_os_version"],
    ["/api/v1/users/1%27%20OR%201=1", "validation_failed"],
    ["/api/v1/audit-events?action=user;drop", "validation_failed"],
  ])("refuses the query %s", async (url, code) => {
    const response = await server.call("GET", url, { token });
    expect(response.statusCode).toBe(422);
    expect(response.json()).toMatchObject({ code });
  });

  it("treats search text as text, never as SQL or a pattern", async () => {
    for (const q of ["' OR 1=1 --", "%", "_", "\\", '"', "existing' --"]) {
      const response = await server.call("GET", `/api/v1/users?q=${encodeURIComponent(q)}`, { token });
      expect(response.statusCode).toBe(200);
      expect(response.json<{ items: unknown[] }>().items).toEqual([]);
    }
  });

  it("answers unknown routes with a problem, not an HTML page", async () => {
    const response = await server.call("GET", "/api/v1/nothing-here", { token });
    expect(response.statusCode).toBe(404);
    expect(response.json()).toMatchObject({ code: "route_not_found" });
  });

  it("says 404 for an id that does not exist", async () => {
    const response = await server.call("GET", "/api/v1/users/01900000-0000-7000-8000-000000000000", {
      token,
    });
    expect(response.statusCode).toBe(404);
    expect(response.json()).toMatchObject({ code: "user_not_found" });
  });
});
