import { DEFAULT_TENANT_ID } from "@meridian/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type TestServer } from "../../testing/test-server.js";

describe("activations API", () => {
  let server: TestServer;
  let token: string;
  let userId: string;

  beforeAll(async () => {
    server = await startTestServer();
    token = await server.login();
    userId = (
      await server.call("POST", "/api/v1/users", { token, body: { email: "new.hire@example.com" } })
    ).json<{ id: string }>().id;
  });
  afterAll(async () => server.close());

  it("issues a password once, with a QR code, and keeps only its hash", async () => {
    const response = await server.call("POST", `/api/v1/users/${userId}/activations`, {
      token,
      body: { expiresInMinutes: 90, passwordLength: 12, deviceLimit: 2, platforms: ["ios", "android"] },
    });
    expect(response.statusCode).toBe(201);
    const body = response.json<{
      id: string;
      password: string;
      qr: string;
      qrPayload: string;
      expiresAt: number;
    }>();
    expect(body.password).toMatch(/^[A-HJ-NP-Za-km-z2-9]{12}$/);
    expect(body.qr).toMatch(/^data:image\/svg\+xml;base64,/);
    expect(Buffer.from(body.qr.split(",")[1]!, "base64").toString()).toContain("<svg");
    expect(JSON.parse(body.qrPayload)).toMatchObject({
      address: "new.hire@example.com",
      password: body.password,
    });
    expect(body.expiresAt - Date.now()).toBeGreaterThan(89 * 60_000);
    const listed = await server.call("GET", `/api/v1/users/${userId}/activations`, { token });
    expect(listed.body).not.toContain(body.password);
    expect(listed.json<{ items: Array<{ status: string; deviceLimit: number }> }>().items[0]).toMatchObject({
      status: "active",
      deviceLimit: 2,
    });
    const stored = await server.store.forTenant(DEFAULT_TENANT_ID).activations.getRecord(body.id);
    // Sealed at rest; opened, it is a SPAKE2+ verifier record, never the password.
    expect(stored!.verifier).not.toContain(body.password);
    const verifier = JSON.parse(server.core.deps.secretBox.open(stored!.verifier)) as Record<string, string>;
    expect(Object.keys(verifier).sort()).toEqual(["L", "salt", "w0"]);
    expect(JSON.stringify(verifier)).not.toContain(body.password);
  });

  it("expires an activation on request", async () => {
    const created = (
      await server.call("POST", `/api/v1/users/${userId}/activations`, { token, body: {} })
    ).json<{ id: string; password: string }>();
    expect(
      (await server.call("DELETE", `/api/v1/users/${userId}/activations/${created.id}`, { token }))
        .statusCode,
    ).toBe(204);
    const listed = (await server.call("GET", `/api/v1/users/${userId}/activations`, { token })).json<{
      items: Array<{ id: string; status: string }>;
    }>();
    expect(listed.items.find((a) => a.id === created.id)!.status).toBe("revoked");
    await expect(
      server.core.activations.beginAttempt(DEFAULT_TENANT_ID, "new.hire@example.com", "ios"),
    ).rejects.toMatchObject({ reason: "revoked" });
  });

  it.each([
    [{ expiresInMinutes: 0 }],
    [{ expiresInMinutes: 43_201 }],
    [{ passwordLength: 5 }],
    [{ platforms: [] }],
    [{ platforms: ["symbian"] }],
    [{ deviceLimit: 0 }],
  ])("refuses %j", async (body) => {
    const response = await server.call("POST", `/api/v1/users/${userId}/activations`, { token, body });
    expect(response.statusCode).toBe(422);
  });
});
