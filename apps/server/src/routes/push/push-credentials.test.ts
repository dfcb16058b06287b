import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { pushGatewayInMemory } from "../../testing/push-gateway-in-memory.js";
import { startTestServer, type TestServer } from "../../testing/test-server.js";

interface Listing {
  items: Array<{ service: string; identity: string; scope: string }>;
  managesServerCredentials: boolean;
}

/** In cloud mode each tenant may hold its own APNs push certificate; FCM and WNS stay the operator's. */
describe("push credentials per tenant", () => {
  let server: TestServer;
  let operator: string;
  const tenant: Record<string, string> = {};
  const gateway = pushGatewayInMemory();

  const list = async (token: string) => {
    const response = await server.call("GET", "/api/v1/push/credentials", { token });
    expect(response.statusCode, response.body).toBe(200);
    return response.json<Listing>();
  };

  beforeAll(async () => {
    server = await startTestServer({ cloudMode: true, app: { pushGateway: () => gateway } });
    operator = await server.login();
    for (const slug of ["initech", "umbrella"]) {
      const created = await server.call("POST", "/api/v1/tenants", {
        token: operator,
        body: {
          slug,
          name: slug,
          adminEmail: `admin@${slug}.example`,
          adminPassword: `${slug} admin password`,
        },
      });
      expect(created.statusCode, created.body).toBe(201);
      tenant[slug] = await server.login(`admin@${slug}.example`, `${slug} admin password`);
    }
    for (const [service, identity] of [
      ["apns", "com.apple.mgmt.External.operator"],
      ["fcm", "operator-fcm"],
    ] as const) {
      const stored = await server.call("PUT", `/api/v1/push/credentials/${service}`, {
        token: operator,
        body: { identity },
      });
      expect(stored.statusCode, stored.body).toBe(200);
    }
  });
  afterAll(async () => server?.close());

  it("keeps the default tenant's APNs certificate as the server's, which other tenants inherit", async () => {
    expect(await list(operator)).toEqual({
      managesServerCredentials: true,
      items: [
        expect.objectContaining({
          service: "apns",
          identity: "com.apple.mgmt.External.operator",
          scope: "server",
        }),
        expect.objectContaining({ service: "fcm", identity: "operator-fcm", scope: "server" }),
      ],
    });
    expect([...gateway.held.values()].map((c) => c.scope)).toEqual(["", ""]);
    const inherited = await list(tenant.initech!);
    expect(inherited.managesServerCredentials).toBe(false);
    expect(inherited.items.map((c) => [c.service, c.identity, c.scope])).toEqual([
      ["apns", "com.apple.mgmt.External.operator", "server"],
      ["fcm", "operator-fcm", "server"],
    ]);
  });

  it("lets a tenant's administrator store its own APNs certificate, audited, seen by it alone", async () => {
    const stored = await server.call("PUT", "/api/v1/push/credentials/apns", {
      token: tenant.initech!,
      body: { identity: "com.apple.mgmt.External.initech" },
    });
    expect(stored.statusCode, stored.body).toBe(200);
    expect(stored.json()).toMatchObject({ identity: "com.apple.mgmt.External.initech", scope: "tenant" });
    const own = (await list(tenant.initech!)).items.find((c) => c.service === "apns");
    expect(own).toMatchObject({ identity: "com.apple.mgmt.External.initech", scope: "tenant" });
    // Neither the operator nor another tenant sees it.
    for (const token of [operator, tenant.umbrella!])
      expect(JSON.stringify(await list(token))).not.toContain("initech");
    const audit = await server.call("GET", "/api/v1/audit-events?action=push.credentials_set", {
      token: tenant.initech!,
    });
    expect(audit.body).toContain("com.apple.mgmt.External.initech");
  });

  it("refuses FCM and WNS changes to other tenants' administrators, saying why", async () => {
    for (const [method, service] of [
      ["PUT", "fcm"],
      ["DELETE", "fcm"],
      ["PUT", "wns"],
    ] as const) {
      const refused = await server.call(method, `/api/v1/push/credentials/${service}`, {
        token: tenant.initech!,
        body: method === "PUT" ? { identity: "x" } : undefined,
      });
      expect(refused.statusCode).toBe(403);
      expect(refused.json()).toMatchObject({ code: "push_credentials_operator_only" });
    }
    expect((await list(operator)).items.find((c) => c.service === "fcm")?.identity).toBe("operator-fcm");
  });

  it("removes only the caller's own certificate: another tenant cannot touch it, and the owner falls back to the server's", async () => {
    const missing = await server.call("DELETE", "/api/v1/push/credentials/apns", { token: tenant.umbrella! });
    expect(missing.statusCode).toBe(404);
    expect((await list(tenant.initech!)).items.find((c) => c.service === "apns")?.scope).toBe("tenant");

    const removed = await server.call("DELETE", "/api/v1/push/credentials/apns", { token: tenant.initech! });
    expect(removed.statusCode).toBe(204);
    expect((await list(tenant.initech!)).items.find((c) => c.service === "apns")).toMatchObject({
      identity: "com.apple.mgmt.External.operator",
      scope: "server",
    });
    expect((await list(operator)).items).toHaveLength(2);
  });
});
