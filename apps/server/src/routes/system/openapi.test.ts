import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type TestServer } from "../../testing/test-server.js";

describe("OpenAPI document", () => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer({ cloudMode: true });
  });
  afterAll(async () => server.close());

  it("describes every API route the server has, with its security and error shape", async () => {
    const response = await server.call("GET", "/api/v1/openapi.json");
    expect(response.statusCode).toBe(200);
    const doc = response.json<{
      openapi: string;
      paths: Record<string, Record<string, { security?: unknown; responses: Record<string, unknown> }>>;
    }>();
    expect(doc.openapi).toMatch(/^3\./);
    for (const route of server.app.routeAccess.filter(
      (r) => r.url.startsWith("/api/v1/") && r.url !== "/api/v1/openapi.json",
    )) {
      const path = route.url.replace(/:([A-Za-z]+)/g, "{$1}");
      const operation = doc.paths[path]?.[route.method.toLowerCase()];
      expect(operation, `${route.method} ${path} is missing from the document`).toBeDefined();
      if (route.access !== "public") {
        expect(operation!.security, `${route.method} ${path} has no security`).toEqual([{ bearer: [] }]);
        expect(Object.keys(operation!.responses)).toContain("401");
      }
    }
  });

  it("serves a readable documentation page and a health check", async () => {
    const page = await server.call("GET", "/api/v1/docs/");
    expect(page.statusCode).toBe(200);
    expect(page.headers["content-type"]).toMatch(/text\/html/);
    const health = await server.call("GET", "/healthz");
    expect(health.json()).toEqual({ status: "ok" });
  });
});
