import { connect } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AGENT_PATHS } from "@meridian/protocol";
import { activateDevice } from "./activate.js";
import { DeviceHttpClient } from "./https-client.js";
import { startRelayAndServer, type RelayAndServer } from "../testing/relay-and-server.js";

/** Hostile or broken device traffic gets a clear refusal, changes nothing, and crashes nothing. */
describe("bad input on the device path", () => {
  let bed: RelayAndServer;
  let server: DeviceHttpClient;
  let password: string;
  const host = "default.acme.relay.meridian.test";

  const deviceCount = async () =>
    (await bed.api<{ total: number }>("GET", "/api/v1/devices/summary")).body.total;

  beforeAll(async () => {
    bed = await startRelayAndServer();
    const user = await bed.api<{ id: string }>("POST", "/api/v1/users", { email: "target@example.com" });
    password = (
      await bed.api<{ password: string }>("POST", `/api/v1/users/${user.body.id}/activations`, {
        singleUse: false,
      })
    ).body.password;
    // Ask the relay where the address is served, as a device does (it learns of the activation just after it is made).
    const relayEndpoint = { edge: bed.relayContact.edge, serverName: bed.relayContact.host };
    const relay = new DeviceHttpClient(relayEndpoint, { caFingerprint256: bed.relayContact.caFingerprint });
    let fingerprint: string | undefined;
    for (let i = 0; !fingerprint && i < 50; i++) {
      fingerprint = await relay
        .call<{ caFingerprint: string }>("GET", "/relay/v1/activations/lookup?address=target@example.com")
        .then((answer) => answer.body!.caFingerprint)
        .catch(() => new Promise<undefined>((resolve) => setTimeout(() => resolve(undefined), 100)));
    }
    relay.close();
    const endpoint = { edge: bed.relayContact.edge, serverName: host };
    server = new DeviceHttpClient(endpoint, { caFingerprint256: fingerprint! });
  });
  afterAll(async () => {
    server?.close();
    await bed?.stop();
  });

  it.each([
    ["garbage shares", AGENT_PATHS.activationExchange, { session: "x".repeat(32), shareP: "AAAA" }, 404],
    [
      "unknown fields",
      AGENT_PATHS.activationStart,
      { address: "target@example.com", platform: "android", admin: true },
      422,
    ],
    ["a wrong type", AGENT_PATHS.activationStart, { address: 42, platform: "android" }, 422],
    [
      "an unknown platform",
      AGENT_PATHS.activationStart,
      { address: "target@example.com", platform: "symbian" },
      422,
    ],
    [
      "an oversized body",
      AGENT_PATHS.activationStart,
      { address: "a".repeat(2_000_000), platform: "android" },
      413,
    ],
  ])("refuses %s", async (_name, path, body, status) => {
    const before = await deviceCount();
    await expect(server.call("POST", path, body)).rejects.toMatchObject({ status });
    expect(await deviceCount()).toBe(before);
  });

  it("refuses a replayed exchange message, and a malformed share, without a device appearing", async () => {
    const before = await deviceCount();
    const started = (
      await server.call<{ session: string }>("POST", AGENT_PATHS.activationStart, {
        address: "target@example.com",
        platform: "android",
      })
    ).body!;
    await expect(
      server.call("POST", AGENT_PATHS.activationExchange, { session: started.session, shareP: "BAAAAA" }),
    ).rejects.toMatchObject({ status: 422, code: "activation_message_invalid" });
    // The session ended with the failure: replaying into it finds nothing.
    await expect(
      server.call("POST", AGENT_PATHS.activationExchange, { session: started.session, shareP: "BAAAAA" }),
    ).rejects.toMatchObject({ status: 404, code: "activation_session_unknown" });
    await expect(
      server.call("POST", AGENT_PATHS.activationFinish, {
        session: started.session,
        confirmP: "AAAA",
        csr: "x",
        csrMac: "AAAA",
        device: {},
      }),
    ).rejects.toMatchObject({ status: 404 });
    expect(await deviceCount()).toBe(before);
    // And the good password still works afterwards.
    await expect(
      activateDevice({
        relay: bed.relayContact,
        address: "target@example.com",
        password,
        platform: "android",
        device: {},
      }),
    ).resolves.toMatchObject({ deviceId: expect.any(String) });
  });

  it("refuses agent requests without a device certificate", async () => {
    await expect(
      server.call("POST", AGENT_PATHS.hello, { agentVersion: "x", protocolVersion: 1 }),
    ).rejects.toMatchObject({ status: 401, code: "certificate_required" });
  });

  it("keeps serving after garbage and truncated ClientHellos at the edge", async () => {
    const [host_, port] = bed.relayContact.edge.split(":");
    for (const bytes of [
      Buffer.from("GET / HTTP/1.1\r\n\r\n"),
      Buffer.from([0x16, 0x03, 0x01, 0x40, 0x00, 0x01]),
      Buffer.alloc(70_000, 0x16),
    ]) {
      await new Promise<void>((resolve) => {
        const socket = connect(Number(port), host_!, () => socket.end(bytes));
        socket.on("error", () => resolve());
        socket.on("close", () => resolve());
        socket.resume();
      });
    }
    expect(
      (
        await server.call<{ session: string }>("POST", AGENT_PATHS.activationStart, {
          address: "target@example.com",
          platform: "android",
        })
      ).status,
    ).toBe(200);
  });
});
