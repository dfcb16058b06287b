import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type TestServer } from "../../testing/test-server.js";

interface UserBody {
  id: string;
  email: string;
  displayName: string;
  givenName: string | null;
}

describe("users API", () => {
  let server: TestServer;
  let token: string;

  beforeAll(async () => {
    server = await startTestServer();
    token = await server.login();
  });
  afterAll(async () => server.close());

  it("creates, reads, changes and deletes a user, auditing each step", async () => {
    const created = await server.call("POST", "/api/v1/users", {
      token,
      body: { email: "Ada@Example.com", givenName: "Ada", familyName: "Lovelace" },
    });
    expect(created.statusCode).toBe(201);
    const user = created.json<UserBody>();
    expect(user).toMatchObject({ email: "ada@example.com", displayName: "Ada Lovelace" });
    expect((await server.call("GET", `/api/v1/users/${user.id}`, { token })).json()).toEqual(user);
    const patched = await server.call("PATCH", `/api/v1/users/${user.id}`, {
      token,
      body: { givenName: null, displayName: "Countess" },
    });
    expect(patched.json()).toMatchObject({
      givenName: null,
      displayName: "Countess",
      familyName: "Lovelace",
    });
    expect((await server.call("DELETE", `/api/v1/users/${user.id}`, { token })).statusCode).toBe(204);
    expect((await server.call("GET", `/api/v1/users/${user.id}`, { token })).statusCode).toBe(404);
    const audit = await server.call("GET", `/api/v1/audit-events?target=${user.id}`, { token });
    const events = audit.json<{ items: Array<{ action: string; actorLabel: string; ip: string }> }>().items;
    expect(events.map((e) => e.action)).toEqual(["user.delete", "user.update", "user.create"]);
    expect(events[0]).toMatchObject({ actorLabel: "admin@example.com", ip: "127.0.0.1" });
  });

  it("searches by any part of a name or email and pages with a cursor", async () => {
    const users = Array.from({ length: 25 }, (_, i) => ({
      email: `searcher${String(i).padStart(2, "0")}@paged.example`,
      familyName: i === 7 ? "Hopper" : "Smith",
    }));
    const imported = await server.call("POST", "/api/v1/users/import", { token, body: { users } });
    expect(imported.json()).toMatchObject({ created: 25, failed: 0 });
    const exact = await server.call("GET", "/api/v1/users?email=SEARCHER07@paged.example", { token });
    expect(exact.json<{ items: UserBody[] }>().items.map((u) => u.email)).toEqual([
      "searcher07@paged.example",
    ]);
    expect(
      (await server.call("GET", "/api/v1/users?email=searcher0@paged.example", { token })).json<{
        items: UserBody[];
      }>().items,
    ).toEqual([]);
    const found = await server.call("GET", "/api/v1/users?q=HOPP", { token });
    expect(found.json<{ items: UserBody[] }>().items.map((u) => u.email)).toEqual([
      "searcher07@paged.example",
    ]);
    const emails: string[] = [];
    let url = "/api/v1/users?q=paged.example&limit=10";
    for (;;) {
      const page = (await server.call("GET", url, { token })).json<{
        items: UserBody[];
        nextCursor?: string;
      }>();
      emails.push(...page.items.map((u) => u.email));
      if (!page.nextCursor) break;
      url = `/api/v1/users?q=paged.example&limit=10&cursor=${page.nextCursor}`;
    }
    expect(emails).toEqual(users.map((u) => u.email));
  });

  it("imports in batches, reporting every failed row by its number in the file", async () => {
    const response = await server.call("POST", "/api/v1/users/import", {
      token,
      body: {
        firstRow: 10,
        users: [{ email: "batch1@example.com" }, { email: "broken" }, { email: "batch1@example.com" }],
      },
    });
    expect(response.json()).toMatchObject({
      created: 1,
      failed: 2,
      results: [
        { row: 10, status: "created" },
        { row: 11, status: "failed", code: "invalid_user" },
        { row: 12, status: "failed", code: "duplicate_in_file" },
      ],
    });
    const perRow = await server.call("POST", "/api/v1/users/import", {
      token,
      body: {
        users: [
          { row: 40, email: "long@example.com", displayName: "y".repeat(1000) },
          { row: 42, email: "bell@example.com", givenName: "Dan\u0007" },
          { row: 45, email: "fine@example.com", displayName: "Dan\r\n  Dawson" },
        ],
      },
    });
    expect(perRow.json()).toMatchObject({
      created: 1,
      results: [
        { row: 40, status: "failed", message: expect.stringContaining("at most 200") },
        { row: 42, status: "failed", message: expect.stringContaining("control characters") },
        { row: 45, status: "created" },
      ],
    });
    expect(
      (await server.call("GET", "/api/v1/users?email=fine@example.com", { token })).json<{
        items: UserBody[];
      }>().items[0]!.displayName,
    ).toBe("Dan Dawson");
    const tooMany = await server.call("POST", "/api/v1/users/import", {
      token,
      body: { users: Array.from({ length: 1001 }, (_, i) => ({ email: `x${i}@example.com` })) },
    });
    expect(tooMany.statusCode).toBe(422);
  });

  it("refuses to delete a user who still owns devices", async () => {
    const user = (
      await server.call("POST", "/api/v1/users", { token, body: { email: "owner@example.com" } })
    ).json<UserBody>();
    const actor = await server.core.auth.authenticate(token);
    const device = await server.core.devices.register(actor, {
      platform: "ios",
      ownerUserId: user.id,
      model: "iPhone15,2",
    });
    const refused = await server.call("DELETE", `/api/v1/users/${user.id}`, { token });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().code).toBe("user_has_devices");
    const devices = await server.call("GET", `/api/v1/users/${user.id}/devices`, { token });
    expect(devices.json<{ items: Array<{ id: string }> }>().items.map((d) => d.id)).toEqual([device.id]);
  });

  it("does not let directory users be edited here", async () => {
    const actor = await server.core.auth.authenticate(token);
    const synced = await server.core.users.create(actor, {
      email: "synced@corp.example",
      source: "ldap",
      externalId: "cn=synced",
    });
    const response = await server.call("PATCH", `/api/v1/users/${synced.id}`, {
      token,
      body: { displayName: "local edit" },
    });
    expect(response.statusCode).toBe(409);
    expect(response.json().code).toBe("user_managed_by_directory");
    expect(
      (await server.call("GET", "/api/v1/users?source=ldap", { token })).json<{ items: UserBody[] }>().items,
    ).toHaveLength(1);
  });
});
