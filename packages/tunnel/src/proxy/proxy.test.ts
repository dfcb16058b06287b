import { once } from "node:events";
import { createServer, type AddressInfo, type Socket } from "node:net";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import type { LinkClientEvents } from "../link/link-client.js";
import type { LinkHubEvents } from "../link/link-hub.js";
import { startHttpConnectProxy } from "../testing/http-connect-proxy.js";
import { startMicrosocks } from "../testing/microsocks.js";
import {
  createTunnelPki,
  nextEvent,
  startHub,
  startLinkClient,
  type TunnelPki,
} from "../testing/tunnel-fixture.js";
import { connectTcp, parseProxyUrl } from "./connect-tcp.js";

type Down = LinkClientEvents["down"][0];
type LinkUp = LinkHubEvents["link-up"][0];

const META = { serverName: "acme.relay.test", deviceAddress: "203.0.113.9", devicePort: 443 };

async function closedPort(): Promise<number> {
  const server = createServer().listen(0, "127.0.0.1");
  await once(server, "listening");
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe("link through a proxy", () => {
  let pki: TunnelPki;
  const cleanup: Array<() => Promise<void> | void> = [];
  beforeAll(() => {
    pki = createTunnelPki();
  });
  afterEach(async () => {
    for (const step of cleanup.splice(0).reverse()) await step();
  });

  async function echoHub() {
    const { hub, port } = await startHub(pki);
    cleanup.push(() => hub.close(0));
    return { hub, port };
  }

  async function expectStreamWorks(hub: Awaited<ReturnType<typeof echoHub>>["hub"]) {
    const stream = hub.openStream("server-1", META);
    stream.end("ping");
    let answer = "";
    for await (const chunk of stream) answer += String(chunk);
    expect(answer).toBe("pong");
  }

  const echoServer = {
    onStream: (stream: import("node:stream").Duplex) => stream.once("data", () => stream.end("pong")),
  };

  it("links through Debian's microsocks (SOCKS v5, no authentication)", async () => {
    // microsocks connects out from 127.0.0.2, so the relay can tell the link came through it.
    const socks = await startMicrosocks("127.0.0.2");
    cleanup.push(() => socks.stop());
    const { hub, port } = await echoHub();
    const linkUp = nextEvent<LinkUp>(hub, "link-up");
    const client = startLinkClient(pki, [port], { ...echoServer, proxy: `socks5://127.0.0.1:${socks.port}` });
    cleanup.push(() => client.close());
    expect((await linkUp).remoteAddress).toBe("127.0.0.2");
    await expectStreamWorks(hub);
  });

  it("says what the SOCKS proxy answered when it cannot reach the relay", async () => {
    const socks = await startMicrosocks();
    cleanup.push(() => socks.stop());
    const client = startLinkClient(pki, [await closedPort()], { proxy: `socks5://127.0.0.1:${socks.port}` });
    cleanup.push(() => client.close());
    expect(await nextEvent<Down>(client, "down")).toMatchObject({
      code: "proxy_failed",
      reason: expect.stringMatching(
        /could not connect to 127\.0\.0\.1:\d+: (connection refused|general SOCKS server failure)/,
      ),
    });
  });

  it("links through an HTTP CONNECT proxy", async () => {
    const proxy = await startHttpConnectProxy({ localAddress: "127.0.0.3" });
    cleanup.push(() => proxy.close());
    const { hub, port } = await echoHub();
    const linkUp = nextEvent<LinkUp>(hub, "link-up");
    const client = startLinkClient(pki, [port], { ...echoServer, proxy: `http://127.0.0.1:${proxy.port}` });
    cleanup.push(() => client.close());
    expect((await linkUp).remoteAddress).toBe("127.0.0.3");
    expect(proxy.requests).toEqual([`127.0.0.1:${port}`]);
    await expectStreamWorks(hub);
  });

  it("reports an HTTP proxy's refusal and an unreachable proxy", async () => {
    const proxy = await startHttpConnectProxy({ refuseWith: 403 });
    cleanup.push(() => proxy.close());
    const refused = startLinkClient(pki, [3101], { proxy: `http://127.0.0.1:${proxy.port}` });
    cleanup.push(() => refused.close());
    expect(await nextEvent<Down>(refused, "down")).toMatchObject({
      code: "proxy_failed",
      reason: expect.stringMatching(/refused to connect to 127\.0\.0\.1:3101: 403/),
    });

    const nowhere = startLinkClient(pki, [3101], { proxy: `socks5://127.0.0.1:${await closedPort()}` });
    cleanup.push(() => nowhere.close());
    expect(await nextEvent<Down>(nowhere, "down")).toMatchObject({
      code: "connect_failed",
      reason: expect.stringMatching(/the proxy socks5:\/\/127\.0\.0\.1:\d+/),
    });
  });
});

describe("proxy dialling details", () => {
  it("parses the proxy URLs operators write, and refuses the rest", () => {
    expect(parseProxyUrl("socks5://10.0.0.1:1080")).toMatchObject({
      kind: "socks5",
      address: { host: "10.0.0.1", port: 1080 },
    });
    expect(parseProxyUrl("socks5h://proxy.local")).toMatchObject({ kind: "socks5", address: { port: 1080 } });
    expect(parseProxyUrl("http://[::1]:3128")).toMatchObject({
      kind: "http",
      address: { host: "::1", port: 3128 },
    });
    expect(parseProxyUrl("http://user:p%40ss@proxy:8080")).toMatchObject({
      authorization: `Basic ${Buffer.from("user:p@ss").toString("base64")}`,
      display: "http://proxy:8080",
    });
    expect(() => parseProxyUrl("https://proxy:443")).toThrow(/not supported/);
    expect(() => parseProxyUrl("socks5://u:p@proxy:1080")).toThrow(/without authentication/);
    expect(() => parseProxyUrl("proxy:1080")).toThrow();
  });

  it("sends host names to the SOCKS proxy unresolved, and IPv6 addresses as 16 bytes", async () => {
    const requests: Buffer[] = [];
    const fake = createServer((socket: Socket) => {
      socket.once("data", () => {
        socket.write(Buffer.from([5, 0]));
        socket.once("data", (request: Buffer) => {
          requests.push(request);
          socket.end(Buffer.from([5, 0, 0, 1, 0, 0, 0, 0, 0, 0]));
        });
      });
    }).listen(0, "127.0.0.1");
    await once(fake, "listening");
    const proxy = parseProxyUrl(`socks5://127.0.0.1:${(fake.address() as AddressInfo).port}`);
    for (const host of ["relay.example.com", "2001:db8::1", "::ffff:192.0.2.1"])
      (await connectTcp({ host, port: 3101 }, { proxy, timeoutMs: 2_000 })).destroy();
    fake.close();
    expect(requests[0]).toEqual(
      Buffer.concat([
        Buffer.from([5, 1, 0, 3, 17]),
        Buffer.from("relay.example.com"),
        Buffer.from([0x0c, 0x1d]),
      ]),
    );
    expect(requests[1]!.subarray(4, 20).toString("hex")).toBe("20010db8000000000000000000000001");
    expect(requests[2]!.subarray(4, 20).toString("hex")).toBe("00000000000000000000ffffc0000201");
  });

  it("gives up on a proxy that never answers, within the timeout", async () => {
    const silent = createServer(() => {}).listen(0, "127.0.0.1");
    await once(silent, "listening");
    const proxy = parseProxyUrl(`http://127.0.0.1:${(silent.address() as AddressInfo).port}`);
    const started = performance.now();
    await expect(connectTcp({ host: "relay", port: 3101 }, { proxy, timeoutMs: 200 })).rejects.toMatchObject({
      code: "connect_timeout",
    });
    expect(performance.now() - started).toBeLessThan(1_000);
    silent.close();
  });
});
