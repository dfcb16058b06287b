import { startMicrosocks, type Microsocks } from "@meridian/tunnel/testing/microsocks";
import { afterAll, describe, expect, it } from "vitest";
import { activateWhenKnown as activate, eventually, userWithActivation } from "../testing/device-steps.js";
import { startRelayAndServer, type RelayAndServer } from "../testing/relay-and-server.js";

describe("the licence's device limit", () => {
  let bed: RelayAndServer;
  afterAll(async () => bed?.stop());

  it("refuses activations beyond the licence, with the reason, and activates nothing", async () => {
    bed = await startRelayAndServer({ maxDevices: 1 });
    const first = await userWithActivation(bed, "first@example.com");
    const second = await userWithActivation(bed, "second@example.com");
    await activate(bed, "first@example.com", first);
    const serverId = bed.server.relay!.status().serverId;
    await eventually("the relay to count the device", async () =>
      (await bed.relay.servers.get(serverId))?.deviceCount === 1 ? true : undefined,
    );

    const refused = await activate(bed, "second@example.com", second).then(
      () => undefined,
      (error: unknown) => error as { status?: number; code?: string; message: string },
    );
    expect(refused).toMatchObject({ status: 403, code: "licence_limit" });
    expect(refused!.message).toMatch(/licence allows 1 devices/);
    const devices = await bed.api<{ items: unknown[] }>("GET", "/api/v1/devices");
    expect(devices.body.items).toHaveLength(1);
  });
});

describe("a server that reaches its relay only through a SOCKS v5 proxy", () => {
  let bed: RelayAndServer;
  let proxy: Microsocks;
  afterAll(async () => {
    await bed?.stop();
    await proxy?.stop();
  });

  it("links through Debian's microsocks, loses the link with the proxy, and gets it back", async () => {
    proxy = await startMicrosocks();
    bed = await startRelayAndServer({ proxy: `socks5://127.0.0.1:${proxy.port}` });
    const password = await userWithActivation(bed, "remote@example.com");
    const device = await activate(bed, "remote@example.com", password);
    expect(device.deviceId).toMatch(/^[0-9a-f-]{36}$/);

    // The link runs through the proxy: without it the relay loses the server...
    await proxy.stop();
    await eventually("the link to drop", async () =>
      bed.server.relay!.status().state !== "up" ? true : undefined,
    );
    // ...and the server dials again through it once it is back.
    proxy = await startMicrosocks(undefined, proxy.port);
    await eventually(
      "the link to come back",
      async () => (bed.server.relay!.status().state === "up" ? true : undefined),
      30_000,
    );
    const again = await userWithActivation(bed, "later@example.com");
    expect((await activate(bed, "later@example.com", again)).deviceId).toMatch(/^[0-9a-f-]{36}$/);
  });
});
