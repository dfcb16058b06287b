import { DEFAULT_TENANT_ID } from "@meridian/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type TestServer } from "../../testing/test-server.js";

interface CommandBody {
  id: string;
  type: string;
  state: string;
  priority: number;
  payload: Record<string, unknown>;
}

describe("commands API", () => {
  let server: TestServer;
  let token: string;
  let deviceId: string;

  beforeAll(async () => {
    server = await startTestServer();
    token = await server.login();
    const actor = await server.core.auth.authenticate(token);
    deviceId = (await server.core.devices.register(actor, { platform: "android", name: "Field tablet" })).id;
    for (let i = 0; i < 5; i++)
      await server.core.devices.register(actor, { platform: "ios", name: `iPad ${i}` });
  });
  afterAll(async () => server.close());

  it("queues a command, shows it in the device's history, and records the device's answer", async () => {
    const sent = await server.call("POST", `/api/v1/devices/${deviceId}/commands`, {
      token,
      body: { type: "lock", payload: { message: "Return to IT", phoneNumber: "+1 555 0100" } },
    });
    expect(sent.statusCode).toBe(201);
    const command = sent.json<CommandBody>();
    expect(command).toMatchObject({
      type: "lock",
      state: "pending",
      priority: 10,
      payload: { message: "Return to IT" },
    });
    // What a device protocol does when the device checks in.
    await server.core.commands.next(DEFAULT_TENANT_ID, deviceId);
    await server.core.commands.report(DEFAULT_TENANT_ID, deviceId, command.id, { status: "acknowledged" });
    const history = await server.call("GET", `/api/v1/devices/${deviceId}/commands`, { token });
    expect(history.json<{ items: CommandBody[] }>().items[0]).toMatchObject({
      id: command.id,
      state: "acknowledged",
    });
    const acknowledged = await server.call("GET", `/api/v1/devices/${deviceId}/commands?state=acknowledged`, {
      token,
    });
    expect(acknowledged.json<{ items: CommandBody[] }>().items).toHaveLength(1);
    expect((await server.call("GET", `/api/v1/commands/${command.id}`, { token })).json()).toMatchObject({
      state: "acknowledged",
    });
  });

  it("sends to every device a filter picks, in one call", async () => {
    const response = await server.call("POST", "/api/v1/commands", {
      token,
      body: { type: "request_inventory", filter: { platform: "ios" } },
    });
    expect(response.statusCode).toBe(202);
    expect(response.json()).toMatchObject({ queued: 5 });
    const { batchId } = response.json<{ batchId: string }>();
    const progress = await server.call("GET", `/api/v1/commands/batches/${batchId}`, { token });
    expect(progress.statusCode).toBe(200);
    expect(progress.json()).toEqual({ batchId, total: 5, states: { pending: 5 } });
    const unknown = await server.call(
      "GET",
      "/api/v1/commands/batches/01900000-0000-7000-8000-000000000000",
      {
        token,
      },
    );
    expect(unknown.statusCode).toBe(404);
  });

  it("cancels a waiting command, and says why it cannot cancel a delivered one", async () => {
    const pending = (
      await server.call("POST", `/api/v1/devices/${deviceId}/commands`, { token, body: { type: "reboot" } })
    ).json<CommandBody>();
    const cancelled = await server.call("POST", `/api/v1/commands/${pending.id}/cancel`, { token });
    expect(cancelled.json()).toMatchObject({ state: "cancelled" });
    const delivered = (
      await server.call("POST", `/api/v1/devices/${deviceId}/commands`, { token, body: { type: "reboot" } })
    ).json<CommandBody>();
    await server.core.commands.next(DEFAULT_TENANT_ID, deviceId);
    const refused = await server.call("POST", `/api/v1/commands/${delivered.id}/cancel`, { token });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().code).toBe("command_not_cancellable");
  });

  it.each([
    [{ type: "self_destruct" }, "validation_failed"],
    [{ type: "lock", payload: { colour: "red" } }, "invalid_command"],
    [{ type: "uninstall_app", payload: { packageName: "not a package" } }, "invalid_command"],
    [{ type: "lock", expiresInMinutes: 0 }, "validation_failed"],
    [{ type: "lock", extra: 1 }, "validation_failed"],
  ])("refuses %j", async (body, code) => {
    const before = (
      await server.call("GET", `/api/v1/devices/${deviceId}/commands?limit=500`, { token })
    ).json<{ items: unknown[] }>().items.length;
    const response = await server.call("POST", `/api/v1/devices/${deviceId}/commands`, { token, body });
    expect(response.statusCode).toBe(422);
    expect(response.json().code).toBe(code);
    const after = (
      await server.call("GET", `/api/v1/devices/${deviceId}/commands?limit=500`, { token })
    ).json<{ items: unknown[] }>().items.length;
    expect(after).toBe(before);
  });

  it("refuses a bulk send that names devices both ways, or neither", async () => {
    const both = await server.call("POST", "/api/v1/commands", {
      token,
      body: { type: "lock", deviceIds: [deviceId], filter: { platform: "ios" } },
    });
    expect(both.json().code).toBe("invalid_target");
    const neither = await server.call("POST", "/api/v1/commands", { token, body: { type: "lock" } });
    expect(neither.json().code).toBe("invalid_target");
  });
});
