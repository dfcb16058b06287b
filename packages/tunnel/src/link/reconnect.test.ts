import { once } from "node:events";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { startTcpForwarder } from "../testing/tcp-forwarder.js";
import {
  createTunnelPki,
  FAST_BACKOFF,
  nextEvent,
  record,
  startHub,
  startLinkClient,
  type TunnelPki,
} from "../testing/tunnel-fixture.js";
import type { LinkClientEvents } from "./link-client.js";
import type { LinkHub, LinkHubEvents } from "./link-hub.js";

type Down = LinkClientEvents["down"][0];

describe("link reconnection", () => {
  let pki: TunnelPki;
  const cleanup: Array<() => Promise<void> | void> = [];
  beforeAll(() => {
    pki = createTunnelPki();
  });
  afterEach(async () => {
    for (const step of cleanup.splice(0).reverse()) await step();
  });

  it("comes back when the relay restarts on the same port, backing off while it is away", async () => {
    const first = await startHub(pki);
    let hub: LinkHub = first.hub;
    cleanup.push(() => hub.close(0));
    const client = startLinkClient(pki, [first.port]);
    cleanup.push(() => client.close());
    await nextEvent(client, "up");

    const downs = record<Down>(client, "down");
    await hub.close();
    // Let several dials fail against the closed port before the relay returns.
    await nextEvent<Down>(client, "down", () => downs.length >= 5);
    const second = await startHub(pki, {}, first.port);
    hub = second.hub;
    await Promise.all([nextEvent(client, "up"), nextEvent(hub, "link-up")]);
    expect(hub.linkCount("server-1")).toBe(1);

    expect(downs[0]!.reason).toMatch(/going away|closed/);
    const refusedDials = downs.slice(1);
    expect(refusedDials.every((d) => d.code === "connect_failed")).toBe(true);
    // Full jitter under a doubling ceiling: the n-th consecutive failure waits less than base·2^(n-1), capped.
    refusedDials.forEach((d, i) =>
      expect(d.retryInMs).toBeLessThan(Math.min(FAST_BACKOFF.capMs, FAST_BACKOFF.baseMs * 2 ** (i + 1))),
    );
  });

  it("redials as soon as a relay starts draining, while the old link finishes its device stream", async () => {
    const first = await startHub(pki);
    const client = startLinkClient(pki, [first.port], {
      onStream: (stream) => {
        stream.on("data", (chunk: Buffer) => stream.write(chunk));
        stream.on("end", () => stream.end());
      },
    });
    cleanup.push(() => client.close());
    await nextEvent(first.hub, "link-up");
    const old = first.hub.openStream("server-1", {
      serverName: "a.test",
      deviceAddress: "192.0.2.1",
      devicePort: 1,
    });
    old.write("before ");
    await once(old, "data");

    const down = nextEvent<Down>(client, "down");
    const draining = first.hub.close(10_000);
    expect((await down).reason).toMatch(/going away/);
    const second = await startHub(pki, {}, first.port);
    cleanup.push(() => second.hub.close(0));
    await nextEvent(second.hub, "link-up");

    // The drained link still carries the stream it had, both ways, until the device is done.
    old.write("after");
    const [echo] = (await once(old, "data")) as [Buffer];
    expect(echo.toString()).toBe("after");
    old.end();
    old.resume();
    // Once that stream is done, the old relay finishes closing without waiting out its grace period.
    const started = performance.now();
    await draining;
    expect(performance.now() - started).toBeLessThan(2_000);
  });

  it("redials at once (within the base delay) after the TCP connection is reset", async () => {
    const { hub, port } = await startHub(pki);
    cleanup.push(() => hub.close(0));
    const forwarder = await startTcpForwarder(port);
    cleanup.push(() => forwarder.close());
    const client = startLinkClient(pki, [forwarder.port]);
    cleanup.push(() => client.close());
    await nextEvent(client, "up");

    const hubDown = nextEvent<LinkHubEvents["link-down"][0]>(hub, "link-down");
    const upAgain = nextEvent(hub, "link-up");
    forwarder.cut();
    const down = await nextEvent<Down>(client, "down");
    expect(down.retryInMs).toBeLessThan(FAST_BACKOFF.baseMs);
    expect((await hubDown).serverId).toBe("server-1");
    await upAgain;
    expect(hub.linkCount("server-1")).toBe(1);
  });

  it("notices a silently dead link by its missed heartbeats, on both ends, and redials", async () => {
    const { hub, port } = await startHub(pki);
    cleanup.push(() => hub.close(0));
    const forwarder = await startTcpForwarder(port);
    cleanup.push(() => forwarder.close());
    const client = startLinkClient(pki, [forwarder.port]);
    cleanup.push(() => client.close());
    await nextEvent(client, "up");

    const hubDown = nextEvent<LinkHubEvents["link-down"][0]>(hub, "link-down");
    forwarder.freeze();
    const down = await nextEvent<Down>(client, "down");
    expect(down).toMatchObject({ code: "heartbeat_timeout", reason: expect.stringMatching(/heartbeat/) });
    expect((await hubDown).reason).toMatch(/heartbeat/);
    expect(hub.linkCount("server-1")).toBe(0);

    const upAgain = nextEvent(hub, "link-up");
    forwarder.thaw();
    await upAgain;
    expect(hub.linkCount("server-1")).toBe(1);
  });

  it("keeps backing off when each link is dropped as soon as it comes up", async () => {
    const { hub, port } = await startHub(pki);
    cleanup.push(() => hub.close(0));
    hub.on("link-up", ({ serverId }) => hub.disconnect(serverId, "dropped at once"));
    const client = startLinkClient(pki, [port], { backoff: { ...FAST_BACKOFF, resetAfterMs: 10_000 } });
    cleanup.push(() => client.close());
    const downs = record<Down>(client, "down");
    const accepted = record(hub, "link-up");
    await vi.waitFor(() => expect(downs.length).toBeGreaterThanOrEqual(9), { timeout: 15_000 });
    expect(accepted.length).toBeGreaterThanOrEqual(5);
    expect(downs.every((d) => d.code === "unauthorized")).toBe(true);
    // The ceiling keeps doubling instead of starting over at every short-lived link: six draws from
    // [0, 320) or [0, 400) all landing under the base delay (20 ms) would be a one-in-10^7 event.
    expect(Math.max(...downs.slice(3, 9).map((d) => d.retryInMs))).toBeGreaterThan(FAST_BACKOFF.baseMs);
  });

  it("stops redialling once closed", async () => {
    const { hub, port } = await startHub(pki);
    await hub.close(0);
    const client = startLinkClient(pki, [port]);
    const connecting = record(client, "connecting");
    await nextEvent(client, "down");
    await client.close();
    const attempts = connecting.length;
    await new Promise((resolve) => setTimeout(resolve, FAST_BACKOFF.capMs + 100));
    expect(connecting).toHaveLength(attempts);
    expect(client.states[0]!.state).toBe("closed");
  });
});
