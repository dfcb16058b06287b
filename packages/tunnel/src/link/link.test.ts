import { once } from "node:events";
import type { Duplex } from "node:stream";
import { connect as tlsConnect } from "node:tls";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { TunnelError } from "../errors.js";
import { createKeyAndCsr, TestCa } from "../testing/test-ca.js";
import { startTcpForwarder, type TcpForwarder } from "../testing/tcp-forwarder.js";
import {
  commonName,
  createTunnelPki,
  nextEvent,
  record,
  startHub,
  startLinkClient,
  type TunnelPki,
} from "../testing/tunnel-fixture.js";
import { dialRelay } from "./dial-relay.js";
import { enrolAtRelay } from "./enrol-at-relay.js";
import type { LinkClient, LinkClientEvents } from "./link-client.js";
import type { LinkHub, LinkHubEvents } from "./link-hub.js";
import { LINK_ALPN } from "./protocol.js";
import type { IncomingStreamMeta } from "./relay-connection.js";

type Down = LinkClientEvents["down"][0];
type Refused = LinkHubEvents["refused"][0];

const META = { serverName: "acme.relay.test", deviceAddress: "198.51.100.7", devicePort: 50_123 };

async function readAll(stream: Duplex): Promise<string> {
  let text = "";
  for await (const chunk of stream) text += String(chunk);
  return text;
}

describe("link", () => {
  let pki: TunnelPki;
  const cleanup: Array<() => Promise<void> | void> = [];
  beforeAll(() => {
    pki = createTunnelPki();
  });
  afterEach(async () => {
    for (const step of cleanup.splice(0).reverse()) await step();
  });

  async function hubAndClient(
    hubOptions: Parameters<typeof startHub>[1] = {},
    clientOptions: Parameters<typeof startLinkClient>[2] = {},
  ): Promise<{ hub: LinkHub; port: number; client: LinkClient }> {
    const { hub, port } = await startHub(pki, hubOptions);
    cleanup.push(() => hub.close(0));
    const client = startLinkClient(pki, [port], clientOptions);
    cleanup.push(() => client.close());
    return { hub, port, client };
  }

  it("comes up with mutual TLS and carries streams both ways with the device's metadata", async () => {
    const seen: IncomingStreamMeta[] = [];
    const { hub, port, client } = await hubAndClient(
      {},
      {
        onStream: (stream, meta) => {
          seen.push(meta);
          stream.setEncoding("utf8");
          stream.once("data", (text: string) => stream.end(`echo: ${text}`));
        },
      },
    );
    const up = nextEvent<LinkHubEvents["link-up"][0]>(hub, "link-up");
    const clientUp = await nextEvent<LinkClientEvents["up"][0]>(client, "up");
    expect(clientUp).toEqual({ relay: `127.0.0.1:${port}`, serverId: "server-1" });
    expect((await up).serverId).toBe("server-1");
    expect(hub.linkCount("server-1")).toBe(1);
    expect(client.states).toEqual([{ relay: `127.0.0.1:${port}`, state: "up" }]);

    const stream = hub.openStream("server-1", META);
    stream.end("hello");
    expect(await readAll(stream)).toBe("echo: hello");
    expect(seen).toEqual([{ ...META, relay: `127.0.0.1:${port}` }]);
    expect(() => hub.openStream("server-2", META)).toThrow(TunnelError);
  });

  it("keeps the link when devices hang up as soon as their streams open", async () => {
    const { hub, client } = await hubAndClient(
      {},
      {
        onStream: (stream) => {
          stream.on("error", () => {});
          stream.setEncoding("utf8");
          stream.once("data", (text: string) => stream.end(`echo: ${text}`));
        },
      },
    );
    await nextEvent(client, "up");
    for (let i = 0; i < 200; i++) {
      const stream = hub.openStream("server-1", META);
      stream.on("error", () => {});
      stream.destroy();
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
    const stream = hub.openStream("server-1", META);
    stream.end("still there?");
    expect(await readAll(stream)).toBe("echo: still there?");
    expect(hub.linkCount("server-1")).toBe(1);
  });

  it("refuses a server without a client certificate, and tells it to enrol", async () => {
    const { hub, client } = await hubAndClient({}, { credentials: () => undefined });
    const [refused, down] = await Promise.all([
      nextEvent<Refused>(hub, "refused"),
      nextEvent<Down>(client, "down"),
    ]);
    expect(refused).toMatchObject({ code: "no_certificate", remoteAddress: "127.0.0.1" });
    expect(down).toMatchObject({ code: "no_certificate", reason: expect.stringMatching(/must enrol first/) });
    expect(hub.linkCount("server-1")).toBe(0);
  });

  it("refuses a certificate from another CA", async () => {
    const rogue = TestCa.create("Rogue CA").issue({ commonName: "server-1", usage: "client" });
    const { hub, client } = await hubAndClient({}, { credentials: rogue });
    const refused = await nextEvent<Refused>(hub, "refused");
    expect(refused).toMatchObject({ code: "untrusted_certificate" });
    expect(await nextEvent<Down>(client, "down")).toMatchObject({ code: "untrusted_certificate" });
  });

  it("refuses what the relay application refuses (a revoked server), with its reason", async () => {
    const { hub, client } = await hubAndClient({
      authorize: ({ certificate }) =>
        commonName(certificate) === "server-1"
          ? { refused: "server-1's registration was revoked" }
          : { serverId: "x" },
    });
    const ups = record(client, "up");
    expect(await nextEvent<Refused>(hub, "refused")).toEqual({
      remoteAddress: "127.0.0.1",
      code: "unauthorized",
      message: "server-1's registration was revoked",
    });
    const down = await nextEvent<Down>(client, "down");
    expect(down.reason).toContain("server-1's registration was revoked");
    // Refused links back off like any failure and never count as up.
    await nextEvent<Down>(client, "down");
    expect(ups).toEqual([]);
  });

  it("cuts a live server the relay application has just revoked, telling it why", async () => {
    const { hub, client } = await hubAndClient();
    await nextEvent(hub, "link-up");
    const down = nextEvent<Down>(client, "down");
    const linkDown = nextEvent<LinkHubEvents["link-down"][0]>(hub, "link-down");
    hub.disconnect("server-1", "registration revoked by the operator");
    expect(await down).toMatchObject({
      code: "unauthorized",
      reason: expect.stringMatching(/revoked by the operator/),
    });
    expect((await linkDown).serverId).toBe("server-1");
    expect(hub.linkCount("server-1")).toBe(0);
  });

  it("refuses a relay whose certificate is not from the pinned CA, by PEM or by fingerprint", async () => {
    const other = TestCa.create("Other CA");
    const { client: byPem } = await hubAndClient({}, { trust: { ca: other.cert } });
    expect(await nextEvent<Down>(byPem, "down")).toMatchObject({ code: "relay_untrusted" });

    const { client: byPrint } = await hubAndClient({}, { trust: { caFingerprint256: other.fingerprint256 } });
    const down = await nextEvent<Down>(byPrint, "down");
    expect(down).toMatchObject({ code: "relay_untrusted", reason: expect.stringMatching(/pinned CA/) });
  });

  it("trusts a relay by its CA's fingerprint, and checks the name", async () => {
    const pin = pki.relayCa.fingerprint256.replace(/:/g, "").toLowerCase();
    const { client } = await hubAndClient({}, { trust: { caFingerprint256: pin } });
    await nextEvent(client, "up");
    const { client: wrongName } = await hubAndClient(
      {},
      { trust: { caFingerprint256: pin }, serverName: "other.test" },
    );
    expect(await nextEvent<Down>(wrongName, "down")).toMatchObject({ code: "relay_untrusted" });
  });

  it("runs the link's TLS on AES-128-GCM, also with a server that prefers Node's default suites", async () => {
    const { hub, port } = await startHub(pki);
    cleanup.push(() => hub.close(0));
    const ours = await dialRelay({
      relay: { host: "127.0.0.1", port },
      trust: { ca: pki.relayCa.cert },
      alpn: LINK_ALPN,
      credentials: pki.linkClient("server-1"),
      timeoutMs: 3_000,
    });
    expect(ours.getCipher().standardName).toBe("TLS_AES_128_GCM_SHA256");
    ours.destroy();
    // An older server offers AES-256-GCM first; the relay's order decides.
    const older = tlsConnect({
      host: "127.0.0.1",
      port,
      ca: pki.relayCa.cert,
      ALPNProtocols: [LINK_ALPN],
      ...pki.linkClient("server-1"),
    });
    await once(older, "secureConnect");
    expect(older.getCipher().standardName).toBe("TLS_AES_128_GCM_SHA256");
    older.destroy();
  });

  it("refuses a server that speaks only the HTTP/2 link of earlier versions, and says why", async () => {
    const { hub, port } = await startHub(pki);
    cleanup.push(() => hub.close(0));
    const refused = nextEvent<Refused>(hub, "refused");
    const older = tlsConnect({
      host: "127.0.0.1",
      port,
      ca: pki.relayCa.cert,
      ALPNProtocols: ["meridian-link/1"],
      ...pki.linkClient("server-1"),
    });
    const failed = await new Promise<Error>((resolve) => {
      older.once("error", resolve);
      older.once("secureConnect", () => resolve(new Error(`connected with ${String(older.alpnProtocol)}`)));
    });
    expect(failed.message).toMatch(/no application protocol/i);
    expect(await refused).toMatchObject({
      code: "handshake_failed",
      message: expect.stringMatching(/ALPN|protocol/i),
    });
    expect(hub.linkCount("server-1")).toBe(0);
  });

  it("enrols a server without a certificate, which then links with the certificate it got", async () => {
    const issued: string[] = [];
    const { hub, port } = await startHub(pki, {
      enrol: ({ serverId, authenticationKey, certificateSigningRequest }) => {
        if (serverId !== "server-9" || authenticationKey !== "k-123")
          return { refused: "unknown server or key" };
        issued.push(serverId);
        return {
          certificate: pki.linkCa.signRequest(certificateSigningRequest, {
            commonName: serverId,
            usage: "client",
          }),
        };
      },
    });
    cleanup.push(() => hub.close(0));
    const reports = record<LinkHubEvents["enrolment"][0]>(hub, "enrolment");
    const { key, csr } = createKeyAndCsr("ignored by the relay");
    const trust = { ca: pki.relayCa.cert };
    const relay = `127.0.0.1:${port}`;

    const refusal = enrolAtRelay({
      relay,
      trust,
      request: { serverId: "server-9", authenticationKey: "guess", certificateSigningRequest: csr },
    });
    await expect(refusal).rejects.toMatchObject({
      code: "enrolment_refused",
      message: /unknown server or key/,
    });

    const { certificate } = await enrolAtRelay({
      relay,
      trust,
      request: { serverId: "server-9", authenticationKey: "k-123", certificateSigningRequest: csr },
    });
    expect(issued).toEqual(["server-9"]);
    expect(reports.map((r) => [r.serverId, r.outcome])).toEqual([
      ["server-9", "refused"],
      ["server-9", "issued"],
    ]);

    const client = startLinkClient(pki, [port], { credentials: { key, cert: certificate } });
    cleanup.push(() => client.close());
    expect(await nextEvent(client, "up")).toMatchObject({ serverId: "server-9" });
  });

  it("answers enrolment with a clear error when the relay does not enrol, or the request is malformed", async () => {
    const { hub, port } = await startHub(pki);
    cleanup.push(() => hub.close(0));
    const base = { relay: `127.0.0.1:${port}`, trust: { ca: pki.relayCa.cert } };
    await expect(
      enrolAtRelay({
        ...base,
        request: { serverId: "s", authenticationKey: "k", certificateSigningRequest: "c" },
      }),
    ).rejects.toMatchObject({ code: "enrolment_failed", message: /does not enrol/ });
    await expect(
      enrolAtRelay({
        ...base,
        request: { serverId: "", authenticationKey: "k", certificateSigningRequest: "c" },
      }),
    ).rejects.toMatchObject({ code: "enrolment_failed", message: /serverId must be/ });
  });

  it("holds links to several relay addresses and spreads streams over a server's links", async () => {
    const { hub, port } = await startHub(pki);
    cleanup.push(() => hub.close(0));
    let forwarder: TcpForwarder | undefined = await startTcpForwarder(port);
    cleanup.push(() => forwarder?.close());
    const perRelay = new Map<string, number>();
    const client = startLinkClient(pki, [port, forwarder.port], {
      onStream: (stream, meta) => {
        perRelay.set(meta.relay, (perRelay.get(meta.relay) ?? 0) + 1);
        stream.resume();
      },
    });
    cleanup.push(() => client.close());
    const ups = record(client, "up");
    await vi.waitFor(() => expect(ups).toHaveLength(2));
    expect(hub.linkCount("server-1")).toBe(2);

    const streams = Array.from({ length: 10 }, () => hub.openStream("server-1", META));
    const carried = () => [...perRelay.values()].reduce((sum, n) => sum + n, 0);
    await vi.waitFor(() => expect(carried()).toBe(10));
    expect([...perRelay.values()]).toEqual([5, 5]);
    streams.forEach((s) => s.destroy());

    // When one relay path dies, the server's other link still carries its streams.
    forwarder.cut();
    await forwarder.close();
    forwarder = undefined;
    await vi.waitFor(() => expect(hub.linkCount("server-1")).toBe(1));
    const survivor = hub.openStream("server-1", META);
    await vi.waitFor(() => expect(carried()).toBe(11));
    expect(perRelay.get(`127.0.0.1:${port}`)).toBe(6);
    survivor.destroy();
  });
});
