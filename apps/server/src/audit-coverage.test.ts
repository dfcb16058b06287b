import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { pushGatewayInMemory } from "./testing/push-gateway-in-memory.js";
import { startTestServer, type TestServer } from "./testing/test-server.js";

/** A minimal unsigned configuration profile, base64, as an administrator would upload one. */
const mobileconfig = (identifier: string) =>
  Buffer.from(
    `<?xml version="1.0" encoding="UTF-8"?><plist version="1.0"><dict><key>PayloadType</key><string>Configuration</string>` +
      `<key>PayloadIdentifier</key><string>${identifier}</string><key>PayloadDisplayName</key><string>Test</string>` +
      `<key>PayloadContent</key><array/></dict></plist>`,
  ).toString("base64");

type Scenario = (ctx: {
  token: string;
  create: (url: string, body: unknown) => Promise<string>;
}) => Promise<{ url: string; body?: unknown }>;

/**
 * Every administrator action writes an audit event. The test walks the route table: each route that
 * changes something must have a scenario here, succeed, and leave exactly the audit trail it names.
 */
describe("audit coverage", () => {
  let server: TestServer;
  let token: string;
  let n = 0;
  const unique = (prefix: string) => `${prefix}${++n}`;

  const scenarios: Record<string, { action: string; run: Scenario }> = {
    "POST /api/v1/auth/logout": { action: "auth.logout", run: async () => ({ url: "/api/v1/auth/logout" }) },
    "POST /api/v1/api-tokens": {
      action: "api_token.create",
      run: async () => ({ url: "/api/v1/api-tokens", body: { name: "t" } }),
    },
    "DELETE /api/v1/api-tokens/:id": {
      action: "api_token.revoke",
      run: async ({ token: t }) => {
        const created = await server.call("POST", "/api/v1/api-tokens", {
          token: t,
          body: { name: "doomed" },
        });
        return { url: `/api/v1/api-tokens/${created.json<{ apiToken: { id: string } }>().apiToken.id}` };
      },
    },
    "POST /api/v1/administrators": {
      action: "administrator.create",
      run: async () => ({
        url: "/api/v1/administrators",
        body: { email: `${unique("a")}@example.com`, password: "long enough password", roleId: "help-desk" },
      }),
    },
    "PATCH /api/v1/administrators/:id": {
      action: "administrator.update",
      run: async ({ create }) => ({
        url: `/api/v1/administrators/${await create("/api/v1/administrators", { email: `${unique("a")}@example.com`, password: "long enough password", roleId: "help-desk" })}`,
        body: { displayName: "x" },
      }),
    },
    "DELETE /api/v1/administrators/:id": {
      action: "administrator.delete",
      run: async ({ create }) => ({
        url: `/api/v1/administrators/${await create("/api/v1/administrators", { email: `${unique("a")}@example.com`, password: "long enough password", roleId: "help-desk" })}`,
      }),
    },
    "POST /api/v1/roles": {
      action: "role.create",
      run: async () => ({
        url: "/api/v1/roles",
        body: { name: unique("role"), permissions: ["users:read"] },
      }),
    },
    "PATCH /api/v1/roles/:id": {
      action: "role.update",
      run: async ({ create }) => ({
        url: `/api/v1/roles/${await create("/api/v1/roles", { name: unique("role"), permissions: [] })}`,
        body: { permissions: ["audit:read"] },
      }),
    },
    "DELETE /api/v1/roles/:id": {
      action: "role.delete",
      run: async ({ create }) => ({
        url: `/api/v1/roles/${await create("/api/v1/roles", { name: unique("role"), permissions: [] })}`,
      }),
    },
    "POST /api/v1/users": {
      action: "user.create",
      run: async () => ({ url: "/api/v1/users", body: { email: `${unique("u")}@example.com` } }),
    },
    "POST /api/v1/users/import": {
      action: "user.import",
      run: async () => ({
        url: "/api/v1/users/import",
        body: { users: [{ email: `${unique("u")}@example.com` }] },
      }),
    },
    "PATCH /api/v1/users/:id": {
      action: "user.update",
      run: async ({ create }) => ({
        url: `/api/v1/users/${await create("/api/v1/users", { email: `${unique("u")}@example.com` })}`,
        body: { displayName: "x" },
      }),
    },
    "DELETE /api/v1/users/:id": {
      action: "user.delete",
      run: async ({ create }) => ({
        url: `/api/v1/users/${await create("/api/v1/users", { email: `${unique("u")}@example.com` })}`,
      }),
    },
    "POST /api/v1/users/:id/activations": {
      action: "activation.create",
      run: async ({ create }) => ({
        url: `/api/v1/users/${await create("/api/v1/users", { email: `${unique("u")}@example.com` })}/activations`,
        body: {},
      }),
    },
    "DELETE /api/v1/users/:id/activations/:activationId": {
      action: "activation.revoke",
      run: async ({ create }) => {
        const user = await create("/api/v1/users", { email: `${unique("u")}@example.com` });
        return {
          url: `/api/v1/users/${user}/activations/${await create(`/api/v1/users/${user}/activations`, {})}`,
        };
      },
    },
    "POST /api/v1/groups": {
      action: "group.create",
      run: async () => ({ url: "/api/v1/groups", body: { name: unique("g") } }),
    },
    "PATCH /api/v1/groups/:id": {
      action: "group.update",
      run: async ({ create }) => ({
        url: `/api/v1/groups/${await create("/api/v1/groups", { name: unique("g") })}`,
        body: { description: "x" },
      }),
    },
    "DELETE /api/v1/groups/:id": {
      action: "group.delete",
      run: async ({ create }) => ({
        url: `/api/v1/groups/${await create("/api/v1/groups", { name: unique("g") })}`,
      }),
    },
    "POST /api/v1/groups/:id/members": {
      action: "group.member_add",
      run: async ({ create }) => ({
        url: `/api/v1/groups/${await create("/api/v1/groups", { name: unique("g") })}/members`,
        body: { type: "user", id: await create("/api/v1/users", { email: `${unique("u")}@example.com` }) },
      }),
    },
    "DELETE /api/v1/groups/:id/members/:type/:memberId": {
      action: "group.member_remove",
      run: async ({ create }) => {
        const group = await create("/api/v1/groups", { name: unique("g") });
        const user = await create("/api/v1/users", { email: `${unique("u")}@example.com` });
        await create(`/api/v1/groups/${group}/members`, { type: "user", id: user });
        return { url: `/api/v1/groups/${group}/members/user/${user}` };
      },
    },
    "POST /api/v1/profiles": {
      action: "profile.create",
      run: async () => ({
        url: "/api/v1/profiles",
        body: { payloadBase64: mobileconfig(unique("com.example.p")) },
      }),
    },
    "DELETE /api/v1/profiles/:id": {
      action: "profile.delete",
      run: async ({ token: t }) => {
        const created = await server.call("POST", "/api/v1/profiles", {
          token: t,
          body: { payloadBase64: mobileconfig(unique("com.example.p")) },
        });
        return { url: `/api/v1/profiles/${created.json<{ profile: { id: string } }>().profile.id}` };
      },
    },
    "PATCH /api/v1/devices/:id": {
      action: "device.update",
      run: async () => ({ url: `/api/v1/devices/${await registerDevice()}`, body: { name: "renamed" } }),
    },
    "DELETE /api/v1/devices/:id": {
      action: "device.delete",
      run: async () => ({ url: `/api/v1/devices/${await registerDevice()}` }),
    },
    "POST /api/v1/devices/:id/commands": {
      action: "command.send",
      run: async () => ({
        url: `/api/v1/devices/${await registerDevice()}/commands`,
        body: { type: "lock" },
      }),
    },
    "PUT /api/v1/push/credentials/:service": {
      action: "push.credentials_set",
      run: async () => ({
        url: "/api/v1/push/credentials/fcm",
        body: { serviceAccount: { project_id: "acme" } },
      }),
    },
    "DELETE /api/v1/push/credentials/:service": {
      action: "push.credentials_removed",
      run: async ({ token: t }) => {
        await server.call("PUT", "/api/v1/push/credentials/wns", {
          token: t,
          body: { clientId: "ms-app://s-1", clientSecret: "secret" },
        });
        return { url: "/api/v1/push/credentials/wns" };
      },
    },
    "POST /api/v1/commands": {
      action: "command.send_bulk",
      run: async () => ({
        url: "/api/v1/commands",
        body: { type: "request_inventory", deviceIds: [await registerDevice()] },
      }),
    },
    "POST /api/v1/commands/:id/cancel": {
      action: "command.cancel",
      run: async ({ create }) => ({
        url: `/api/v1/commands/${await create(`/api/v1/devices/${await registerDevice()}/commands`, { type: "reboot" })}/cancel`,
      }),
    },
    "PUT /api/v1/audit/settings": {
      action: "audit.settings_update",
      run: async () => ({ url: "/api/v1/audit/settings", body: { retentionDays: 30 } }),
    },
    "POST /api/v1/tenants": {
      action: "tenant.create",
      run: async () => ({
        url: "/api/v1/tenants",
        body: {
          slug: unique("t"),
          name: "T",
          adminEmail: "boss@t.example",
          adminPassword: "long enough password",
        },
      }),
    },
  };

  async function registerDevice(): Promise<string> {
    return (
      await server.core.devices.register(await server.core.auth.authenticate(token), { platform: "android" })
    ).id;
  }

  beforeAll(async () => {
    const pushGateway = pushGatewayInMemory();
    server = await startTestServer({ cloudMode: true, app: { pushGateway: () => pushGateway } });
    token = await server.login();
  });
  afterAll(async () => server.close());

  it("has a scenario for every route that changes something", () => {
    const mutating = server.app.routeAccess
      .filter((r) => r.method !== "GET" && r.url !== "/api/v1/auth/login")
      .map((r) => `${r.method} ${r.url}`);
    expect(mutating.filter((key) => !(key in scenarios))).toEqual([]);
  });

  it.each(Object.entries(scenarios))(
    "%s writes a %s event for the acting administrator",
    async (key, scenario) => {
      // Logout ends the session it runs in, so it gets a session of its own.
      const acting = key.includes("logout") ? await server.login() : token;
      const create = async (url: string, body: unknown) => {
        const response = await server.call("POST", url, { token, body });
        expect(response.statusCode, `${url}: ${response.body}`).toBe(201);
        return response.json<{ id: string }>().id;
      };
      const { url, body } = await scenario.run({ token: acting, create });
      const latestBefore = (await server.call("GET", "/api/v1/audit-events?limit=1", { token })).json<{
        items: Array<{ id: string }>;
      }>().items[0]?.id;
      const response = await server.call(key.split(" ")[0] as "POST", url, { token: acting, body });
      expect(response.statusCode, response.body).toBeLessThan(300);
      const events = (await server.call("GET", "/api/v1/audit-events?limit=20", { token })).json<{
        items: Array<{ id: string; action: string; actorLabel: string; ip: string | null }>;
      }>().items;
      const fresh = events.slice(
        0,
        events.findIndex((e) => e.id === latestBefore),
      );
      expect(fresh.map((e) => e.action)).toContain(scenario.action);
      const event = fresh.find((e) => e.action === scenario.action)!;
      expect(event.actorLabel).toContain("admin@example.com");
      expect(event.ip).toBe("127.0.0.1");
    },
  );
});
