import Fastify from "fastify";
import { HELP_DESK, ENTERPRISE_ADMINISTRATOR, type Core } from "@meridian/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type TestServer } from "../testing/test-server.js";
import { useAccessControl } from "./access.js";

/** A path with every parameter filled by a syntactically valid id, so requests get past routing. */
const concrete = (url: string) =>
  url.replace(/:type/g, "user").replace(/:[A-Za-z]+/g, "01900000-0000-7000-8000-000000000000");

describe("access control", () => {
  let server: TestServer;
  let admin: string;

  beforeAll(async () => {
    server = await startTestServer({ cloudMode: true });
    admin = await server.login();
    const role = await server.call("POST", "/api/v1/roles", {
      token: admin,
      body: { name: "Nothing", permissions: [] },
    });
    for (const [email, roleId] of [
      ["nobody@example.com", role.json<{ id: string }>().id],
      ["helpdesk@example.com", HELP_DESK],
      ["enterprise@example.com", ENTERPRISE_ADMINISTRATOR],
    ]) {
      const created = await server.call("POST", "/api/v1/administrators", {
        token: admin,
        body: { email, password: "a long enough password", roleId },
      });
      expect(created.statusCode).toBe(201);
    }
  });
  afterAll(async () => server.close());

  it("refuses to start with a route that does not declare its access", async () => {
    const app = Fastify();
    useAccessControl(app, {} as Core);
    expect(() => app.get("/api/v1/forgotten", async () => "open")).toThrow(/does not declare its access/);
  });

  it("declares access on every route, and every API route but sign-in needs a token", () => {
    const open = server.app.routeAccess
      .filter((r) => r.access === "public")
      .map((r) => `${r.method} ${r.url}`);
    // The console's static files are public (they hold no data; every API call they make needs a token).
    expect(open.sort()).toEqual([
      "GET /",
      "GET /api/v1/openapi.json",
      "GET /console",
      "GET /console/*",
      "GET /healthz",
      "POST /api/v1/auth/login",
    ]);
  });

  it("answers 401 to every protected route without a token, with a wrong token, or a malformed header", async () => {
    for (const route of server.app.routeAccess.filter((r) => r.access !== "public")) {
      for (const headers of [
        {},
        { authorization: "Bearer mrs_forged" },
        { authorization: "Bearer mrt_forged" },
        { authorization: "Basic YTpi" },
        { authorization: "Bearer" },
      ]) {
        const response = await server.app.inject({
          method: route.method as "GET",
          url: concrete(route.url),
          headers,
        });
        expect(response.statusCode, `${route.method} ${route.url} with ${JSON.stringify(headers)}`).toBe(401);
        expect(response.json().code).toMatch(
          /not_signed_in|session_expired|invalid_token|invalid_authorization/,
        );
      }
    }
  });

  it("answers 403 to every permission-guarded route for a role without that permission", async () => {
    const token = await server.login("nobody@example.com", "a long enough password");
    const guarded = server.app.routeAccess.filter(
      (r) => r.access !== "public" && r.access !== "authenticated",
    );
    expect(guarded.length).toBeGreaterThan(30);
    for (const route of guarded) {
      const response = await server.app.inject({
        method: route.method as "GET",
        url: concrete(route.url),
        headers: { authorization: `Bearer ${token}` },
      });
      expect(response.statusCode, `${route.method} ${route.url}`).toBe(403);
      expect(response.json().detail).toContain(route.access);
    }
    const me = await server.call("GET", "/api/v1/auth/me", { token });
    expect(me.statusCode).toBe(200);
    expect(me.json().permissions).toEqual([]);
  });

  it("lets Help Desk read, send activations and nothing more", async () => {
    const token = await server.login("helpdesk@example.com", "a long enough password");
    const user = await server.call("POST", "/api/v1/users", {
      token: admin,
      body: { email: "someone@example.com" },
    });
    const id = user.json<{ id: string }>().id;
    expect((await server.call("GET", "/api/v1/users", { token })).statusCode).toBe(200);
    expect((await server.call("GET", "/api/v1/audit-events", { token })).statusCode).toBe(200);
    expect(
      (await server.call("POST", `/api/v1/users/${id}/activations`, { token, body: {} })).statusCode,
    ).toBe(201);
    expect(
      (await server.call("POST", "/api/v1/users", { token, body: { email: "x@example.com" } })).statusCode,
    ).toBe(403);
    expect((await server.call("DELETE", `/api/v1/users/${id}`, { token })).statusCode).toBe(403);
    expect(
      (await server.call("POST", "/api/v1/roles", { token, body: { name: "Mine", permissions: [] } }))
        .statusCode,
    ).toBe(403);
    expect((await server.call("GET", "/api/v1/tenants", { token })).statusCode).toBe(403);
  });

  it("keeps roles and audit settings from Enterprise Administrators, and stops them from granting more than they hold", async () => {
    const token = await server.login("enterprise@example.com", "a long enough password");
    expect((await server.call("GET", "/api/v1/roles", { token })).statusCode).toBe(200);
    expect(
      (await server.call("POST", "/api/v1/roles", { token, body: { name: "Mine", permissions: [] } }))
        .statusCode,
    ).toBe(403);
    expect(
      (await server.call("PUT", "/api/v1/audit/settings", { token, body: { retentionDays: 30 } })).statusCode,
    ).toBe(403);
    const escalate = await server.call("POST", "/api/v1/administrators", {
      token,
      body: {
        email: "sneaky@example.com",
        password: "a long enough password",
        roleId: "security-administrator",
      },
    });
    expect(escalate.statusCode).toBe(403);
    expect(escalate.json().code).toBe("role_exceeds_yours");
    expect(
      (
        await server.call("POST", "/api/v1/administrators", {
          token,
          body: { email: "hd2@example.com", password: "a long enough password", roleId: HELP_DESK },
        })
      ).statusCode,
    ).toBe(201);
  });

  it("gives tenant management only to the operator tenant's Security Administrators", async () => {
    expect((await server.call("GET", "/api/v1/tenants", { token: admin })).statusCode).toBe(200);
    const created = await server.call("POST", "/api/v1/tenants", {
      token: admin,
      body: {
        slug: "initech",
        name: "Initech",
        adminEmail: "boss@initech.example",
        adminPassword: "initech password 1",
      },
    });
    expect(created.statusCode).toBe(201);
    const tenantAdmin = await server.login("boss@initech.example", "initech password 1");
    expect((await server.call("GET", "/api/v1/tenants", { token: tenantAdmin })).statusCode).toBe(403);
    const role = await server.call("POST", "/api/v1/roles", {
      token: tenantAdmin,
      body: { name: "Operator", permissions: ["tenants:write"] },
    });
    expect(role.statusCode).toBe(422);
    expect(role.json().code).toBe("operator_permission");
  });

  it("protects the last Security Administrator and the caller's own account", async () => {
    const me = (await server.call("GET", "/api/v1/auth/me", { token: admin })).json<{ id: string }>();
    const demote = await server.call("PATCH", `/api/v1/administrators/${me.id}`, {
      token: admin,
      body: { roleId: HELP_DESK },
    });
    expect(demote.statusCode).toBe(409);
    expect(demote.json().code).toBe("last_security_administrator");
    const remove = await server.call("DELETE", `/api/v1/administrators/${me.id}`, { token: admin });
    expect(remove.json().code).toBe("cannot_delete_self");
  });
});
