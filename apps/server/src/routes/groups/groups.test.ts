import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type TestServer } from "../../testing/test-server.js";

describe("groups API", () => {
  let server: TestServer;
  let token: string;
  const post = async (url: string, body: unknown) => {
    const response = await server.call("POST", url, { token, body });
    expect(response.statusCode, response.body).toBe(201);
    return response.json<{ id: string }>();
  };

  beforeAll(async () => {
    server = await startTestServer();
    token = await server.login();
  });
  afterAll(async () => server.close());

  it("nests groups, resolves effective members and refuses loops", async () => {
    const company = await post("/api/v1/groups", { name: "Company" });
    const sales = await post("/api/v1/groups", { name: "Sales" });
    const emea = await post("/api/v1/groups", { name: "Sales EMEA" });
    const ann = await post("/api/v1/users", { email: "ann@example.com" });
    const bob = await post("/api/v1/users", { email: "bob@example.com" });
    await post(`/api/v1/groups/${company.id}/members`, { type: "group", id: sales.id });
    await post(`/api/v1/groups/${sales.id}/members`, { type: "group", id: emea.id });
    await post(`/api/v1/groups/${emea.id}/members`, { type: "user", id: ann.id });
    await post(`/api/v1/groups/${sales.id}/members`, { type: "user", id: bob.id });
    const loop = await server.call("POST", `/api/v1/groups/${emea.id}/members`, {
      token,
      body: { type: "group", id: company.id },
    });
    expect(loop.statusCode).toBe(409);
    expect(loop.json().code).toBe("group_cycle");
    const everyone = await server.call("GET", `/api/v1/groups/${company.id}/effective-users`, { token });
    expect(everyone.json<{ items: Array<{ email: string }> }>().items.map((u) => u.email)).toEqual([
      "ann@example.com",
      "bob@example.com",
    ]);
    const annGroups = await server.call("GET", `/api/v1/users/${ann.id}/groups`, { token });
    expect(annGroups.json<{ items: Array<{ name: string }> }>().items.map((g) => g.name)).toEqual([
      "Company",
      "Sales",
      "Sales EMEA",
    ]);
    expect(
      (await server.call("DELETE", `/api/v1/groups/${sales.id}/members/user/${bob.id}`, { token }))
        .statusCode,
    ).toBe(204);
    expect(
      (await server.call("DELETE", `/api/v1/groups/${sales.id}/members/user/${bob.id}`, { token }))
        .statusCode,
    ).toBe(404);
    const tree = await server.call("GET", "/api/v1/groups/tree", { token });
    expect(tree.statusCode).toBe(200);
    const nodes = tree.json<{ items: Array<{ id: string; name: string; childGroupIds: string[] }> }>().items;
    expect(nodes.map((g) => [g.name, g.childGroupIds])).toEqual([
      ["Company", [sales.id]],
      ["Sales", [emea.id]],
      ["Sales EMEA", []],
    ]);
    const members = await server.call("GET", `/api/v1/groups/${sales.id}/members`, { token });
    expect(members.json<{ items: Array<{ label: string }> }>().items.map((m) => m.label)).toEqual([
      "Sales EMEA",
    ]);
  });

  it("refuses a member that does not exist and a duplicate name", async () => {
    const group = await post("/api/v1/groups", { name: "Solo" });
    const ghost = await server.call("POST", `/api/v1/groups/${group.id}/members`, {
      token,
      body: { type: "user", id: "01900000-0000-7000-8000-000000000000" },
    });
    expect(ghost.statusCode).toBe(404);
    const duplicate = await server.call("POST", "/api/v1/groups", { token, body: { name: "Solo" } });
    expect(duplicate.statusCode).toBe(409);
    const renamed = await server.call("PATCH", `/api/v1/groups/${group.id}`, {
      token,
      body: { name: "Duo", description: "two now" },
    });
    expect(renamed.json()).toMatchObject({ name: "Duo", description: "two now" });
  });
});
