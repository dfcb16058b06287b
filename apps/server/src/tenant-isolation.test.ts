import { systemActor, ALL_PERMISSIONS } from "@meridian/core";
import { storeBackends } from "@meridian/store/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { pushGatewayInMemory } from "./testing/push-gateway-in-memory.js";
import { startTestServer, type TestServer } from "./testing/test-server.js";

interface TenantFixture {
  token: string;
  tenantId: string;
  ids: Record<string, string>;
  secrets: string[];
}

/**
 * A tenant can never read or change another tenant's data through any route. The test walks the
 * server's own route table, so a route added later is covered, or fails here until it is described.
 */
describe.each(storeBackends)("tenant isolation on $name", (backend) => {
  let server: TestServer;
  let acme: TenantFixture;
  let globex: TenantFixture;

  async function makeTenant(operator: string, slug: string): Promise<TenantFixture> {
    const adminEmail = `admin@${slug}.example`;
    const created = await server.call("POST", "/api/v1/tenants", {
      token: operator,
      body: { slug, name: slug, adminEmail, adminPassword: `${slug} admin password` },
    });
    expect(created.statusCode).toBe(201);
    const tenantId = created.json<{ id: string }>().id;
    const token = await server.login(adminEmail, `${slug} admin password`);
    const post = async (url: string, body: unknown) => {
      const response = await server.call("POST", url, { token, body });
      expect(response.statusCode, `${url}: ${response.body}`).toBe(201);
      return response.json<{ id: string }>();
    };
    const user = await post("/api/v1/users", { email: `person@${slug}.example`, givenName: slug });
    const group = await post("/api/v1/groups", { name: `${slug} staff` });
    await post(`/api/v1/groups/${group.id}/members`, { type: "user", id: user.id });
    const activation = await post(`/api/v1/users/${user.id}/activations`, {});
    const role = await post("/api/v1/roles", { name: `${slug} auditors`, permissions: ["audit:read"] });
    const admin = await post("/api/v1/administrators", {
      email: `second@${slug}.example`,
      password: `${slug} second password`,
      roleId: role.id,
    });
    const apiToken = (
      await server.call("POST", "/api/v1/api-tokens", { token, body: { name: `${slug} automation` } })
    ).json<{ apiToken: { id: string } }>().apiToken;
    const device = await server.core.devices.register(systemActor(tenantId, "test", ALL_PERMISSIONS), {
      platform: "android",
      name: `${slug} phone`,
      serialNumber: `${slug.toUpperCase()}SERIAL`,
      ownerUserId: user.id,
    });
    const command = await post(`/api/v1/devices/${device.id}/commands`, {
      type: "lock",
      payload: { message: `${slug} lock` },
    });
    const profile = (
      await server.call("POST", "/api/v1/profiles", {
        token,
        body: {
          payloadBase64: Buffer.from(
            `<?xml version="1.0" encoding="UTF-8"?><plist version="1.0"><dict><key>PayloadType</key><string>Configuration</string>` +
              `<key>PayloadIdentifier</key><string>com.${slug}.wifi</string><key>PayloadDisplayName</key><string>${slug} Wi-Fi</string></dict></plist>`,
          ).toString("base64"),
        },
      })
    ).json<{ profile: { id: string } }>().profile;
    await server.call("PUT", "/api/v1/audit/settings", {
      token,
      body: { retentionDays: slug === "acme" ? 90 : 400 },
    });
    // Each organisation's own APNs push certificate (the stand-in relay takes the topic as given).
    const apns = await server.call("PUT", "/api/v1/push/credentials/apns", {
      token,
      body: { identity: `com.apple.mgmt.External.${slug}` },
    });
    expect(apns.statusCode, apns.body).toBe(200);
    return {
      token,
      tenantId,
      ids: {
        user: user.id,
        group: group.id,
        activation: activation.id,
        role: role.id,
        administrator: admin.id,
        apiToken: apiToken.id,
        device: device.id,
        command: command.id,
        profile: profile.id,
      },
      secrets: [
        user.id,
        group.id,
        activation.id,
        role.id,
        admin.id,
        apiToken.id,
        device.id,
        `person@${slug}.example`,
        `${slug} staff`,
        `${slug} phone`,
        command.id,
        `${slug} lock`,
        profile.id,
        `com.${slug}.wifi`,
        `com.apple.mgmt.External.${slug}`,
      ],
    };
  }

  /** Everything a tenant's administrator can list, as one string, to compare before and after. */
  async function snapshot(tenant: TenantFixture): Promise<string> {
    const urls = [
      "/api/v1/users",
      `/api/v1/users/${tenant.ids.user}`,
      `/api/v1/users/${tenant.ids.user}/activations`,
      `/api/v1/users/${tenant.ids.user}/groups`,
      "/api/v1/groups",
      `/api/v1/groups/${tenant.ids.group}/members`,
      "/api/v1/devices",
      "/api/v1/roles",
      "/api/v1/administrators",
      "/api/v1/api-tokens",
      "/api/v1/audit/settings",
      `/api/v1/devices/${tenant.ids.device}/commands`,
      "/api/v1/profiles",
      "/api/v1/push/credentials",
    ];
    const bodies = await Promise.all(
      urls.map(async (url) => (await server.call("GET", url, { token: tenant.token })).body),
    );
    return bodies
      .join("\n")
      .replace(/"lastLoginAt":\d+/g, "")
      .replace(/"lastUsedAt":\d+/g, "");
  }

  beforeAll(async () => {
    const pushGateway = pushGatewayInMemory();
    server = await startTestServer({ backend, cloudMode: true, app: { pushGateway: () => pushGateway } });
    const operator = await server.login();
    acme = await makeTenant(operator, "acme");
    globex = await makeTenant(operator, "globex");
  });
  afterAll(async () => server?.close());

  /** Which of the victim's objects each path parameter names. */
  function fill(url: string, victim: TenantFixture): string {
    const resource = url.split("/")[3] ?? "";
    const byResource: Record<string, string | undefined> = {
      users: victim.ids.user,
      groups: victim.ids.group,
      devices: victim.ids.device,
      roles: victim.ids.role,
      administrators: victim.ids.administrator,
      "api-tokens": victim.ids.apiToken,
      commands: victim.ids.command,
      profiles: victim.ids.profile,
    };
    return url.replace(/:([A-Za-z]+)/g, (_match, name: string) => {
      if (name === "id") {
        const id = byResource[resource];
        if (!id) throw new Error(`tenant-isolation test: say which object ":id" names in ${url}`);
        return id;
      }
      if (name === "activationId") return victim.ids.activation!;
      if (name === "memberId") return victim.ids.user!;
      if (name === "type") return "user";
      throw new Error(`tenant-isolation test: say which object ":${name}" names in ${url}`);
    });
  }

  /** A valid body for each route that takes one, so the request reaches the tenant check rather than stopping at validation. */
  function bodyFor(method: string, url: string, attacker: TenantFixture, victim: TenantFixture): unknown {
    const key = `${method} ${url}`;
    const bodies: Record<string, unknown> = {
      "PATCH /api/v1/users/:id": { displayName: "taken over" },
      "POST /api/v1/users/:id/activations": {},
      "PATCH /api/v1/groups/:id": { name: "taken over" },
      "POST /api/v1/groups/:id/members": { type: "user", id: attacker.ids.user },
      "PATCH /api/v1/devices/:id": { name: "taken over", ownerUserId: attacker.ids.user },
      "PATCH /api/v1/roles/:id": { permissions: [] },
      "PATCH /api/v1/administrators/:id": { disabled: true },
      "POST /api/v1/devices/:id/commands": { type: "wipe" },
      "POST /api/v1/commands/:id/cancel": undefined,
    };
    if (key in bodies) return bodies[key];
    if (method === "GET" || method === "DELETE") return undefined;
    throw new Error(`tenant-isolation test: give a valid body for ${key} (victim ${victim.tenantId})`);
  }

  it("answers 404 to every route that names another tenant's object, and changes nothing", async () => {
    const before = await snapshot(acme);
    const targeted = server.app.routeAccess.filter((r) => r.url.includes(":"));
    expect(targeted.length).toBeGreaterThan(15);
    for (const route of targeted) {
      if (route.url === "/api/v1/push/credentials/:service") {
        // FCM and WNS serve the whole server: another tenant's administrators are refused outright.
        const refused = await server.call(route.method as "GET", "/api/v1/push/credentials/fcm", {
          token: globex.token,
          body: route.method === "PUT" ? { serviceAccount: {} } : undefined,
        });
        expect(refused.statusCode, `${route.method} ${route.url}`).toBe(403);
        // APNs names no tenant: the caller changes its own certificate only (the snapshot shows acme's unchanged).
        const own = await server.call(route.method as "GET", "/api/v1/push/credentials/apns", {
          token: globex.token,
          body: route.method === "PUT" ? { identity: "com.apple.mgmt.External.globex" } : undefined,
        });
        expect(own.statusCode, `${route.method} ${route.url}: ${own.body}`).toBeLessThan(300);
        for (const secret of acme.secrets) expect(own.body).not.toContain(secret);
        continue;
      }
      const url = fill(route.url, acme);
      const response = await server.call(route.method as "GET", url, {
        token: globex.token,
        body: bodyFor(route.method, route.url, globex, acme),
      });
      expect(response.statusCode, `${route.method} ${url}: ${response.body}`).toBe(404);
      // The problem may repeat the id the caller sent; it must reveal nothing else of the victim's.
      for (const secret of acme.secrets.filter((s) => !url.includes(s)))
        expect(response.body).not.toContain(secret);
    }
    expect(await snapshot(acme)).toBe(before);
  });

  it("never lists another tenant's objects, whatever the filter", async () => {
    const listings = server.app.routeAccess.filter(
      (r) => r.method === "GET" && !r.url.includes(":") && r.access !== "public",
    );
    const queries = [
      "",
      `?q=${encodeURIComponent("person@acme.example")}`,
      "?q=acme",
      `?owner=${acme.ids.user}`,
      `?actor=${acme.ids.administrator}`,
      `?target=${acme.ids.user}`,
    ];
    for (const route of listings) {
      if (route.url === "/api/v1/tenants") continue; // The operator's view of tenants; tenant admins get 403 (see access tests).
      for (const query of queries) {
        const response = await server.call("GET", route.url + query, { token: globex.token });
        if (response.statusCode === 422) continue; // This listing does not take that filter.
        expect(response.statusCode, `${route.url}${query}`).toBe(200);
        for (const secret of acme.secrets)
          expect(response.body, `${route.url}${query}`).not.toContain(secret);
      }
    }
  });

  it("keeps sign-in, tokens and settings per tenant", async () => {
    const me = (await server.call("GET", "/api/v1/auth/me", { token: globex.token })).json<{
      tenantId: string;
    }>();
    expect(me.tenantId).toBe(globex.tenantId);
    expect((await server.call("GET", "/api/v1/audit/settings", { token: acme.token })).json()).toEqual({
      retentionDays: 90,
    });
    expect((await server.call("GET", "/api/v1/audit/settings", { token: globex.token })).json()).toEqual({
      retentionDays: 400,
    });
    const tenants = await server.call("GET", "/api/v1/tenants", { token: acme.token });
    expect(tenants.statusCode).toBe(403);
  });
});
