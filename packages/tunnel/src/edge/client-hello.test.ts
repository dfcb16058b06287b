import { beforeAll, describe, expect, it } from "vitest";
import { captureClientHello, nodeTlsClient, opensslClient } from "../testing/capture-client-hello.js";
import { parseClientHello } from "./client-hello.js";

const u16 = (n: number) => Buffer.from([n >> 8, n & 0xff]);
const u24 = (n: number) => Buffer.from([n >> 16, (n >> 8) & 0xff, n & 0xff]);
const vector16 = (data: Buffer) => Buffer.concat([u16(data.length), data]);
const extension = (type: number, data: Buffer) => Buffer.concat([u16(type), vector16(data)]);
const hostNameEntry = (name: string | Buffer, type = 0) =>
  Buffer.concat([Buffer.from([type]), vector16(Buffer.from(name))]);
const sniExtension = (...entries: Buffer[]) => extension(0, vector16(Buffer.concat(entries)));

function clientHelloBody(extensions?: Buffer): Buffer {
  const fixed = Buffer.concat([
    Buffer.from([3, 3]),
    Buffer.alloc(32, 7),
    Buffer.from([0]), // empty session id
    vector16(Buffer.from([0x13, 0x01, 0x13, 0x02])),
    Buffer.from([1, 0]), // null compression only
  ]);
  return extensions === undefined ? fixed : Buffer.concat([fixed, vector16(extensions)]);
}

const handshake = (body: Buffer, type = 1) => Buffer.concat([Buffer.from([type]), u24(body.length), body]);

/** Wraps handshake bytes in records of at most `size` bytes each. */
function records(message: Buffer, size = 16_384): Buffer {
  const parts: Buffer[] = [];
  for (let i = 0; i < message.length; i += size) {
    const fragment = message.subarray(i, i + size);
    parts.push(Buffer.from([22, 3, 1]), u16(fragment.length), fragment);
  }
  return Buffer.concat(parts);
}

const hello = (extensions?: Buffer) => records(handshake(clientHelloBody(extensions)));

/** A small seeded generator, so a failing fuzz case can be reproduced. */
function mulberry32(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

describe("ClientHello server name, from real clients", () => {
  let nodeHello: Buffer;
  beforeAll(async () => {
    nodeHello = await captureClientHello(nodeTlsClient({ servername: "acme.relay.test" }));
  });

  it("reads node:tls (TLS 1.3)", () => {
    expect(parseClientHello(nodeHello)).toEqual({ status: "complete", serverName: "acme.relay.test" });
  });

  it("reads node:tls limited to TLS 1.2, and lower-cases the name", async () => {
    const bytes = await captureClientHello(
      nodeTlsClient({ servername: "MDM.Acme.Example", maxVersion: "TLSv1.2" }),
    );
    expect(parseClientHello(bytes)).toEqual({ status: "complete", serverName: "mdm.acme.example" });
  });

  it("reads openssl s_client -servername, with TLS 1.3 and with TLS 1.2", async () => {
    const tls13 = await captureClientHello(opensslClient(["-servername", "x.relay.test"]));
    expect(parseClientHello(tls13)).toEqual({ status: "complete", serverName: "x.relay.test" });
    const tls12 = await captureClientHello(opensslClient(["-tls1_2", "-servername", "y.relay.test"]));
    expect(parseClientHello(tls12)).toEqual({ status: "complete", serverName: "y.relay.test" });
  });

  it("answers undefined when openssl sends no server name", async () => {
    const bytes = await captureClientHello(opensslClient(["-noservername"]));
    expect(parseClientHello(bytes)).toEqual({ status: "complete", serverName: undefined });
  });

  it("asks for more on every proper prefix, byte by byte", () => {
    for (let length = 0; length < nodeHello.length; length++)
      expect(parseClientHello(nodeHello.subarray(0, length)).status).toBe("incomplete");
  });

  it("reassembles a ClientHello split over many small records", () => {
    const message = Buffer.concat(splitRecords(nodeHello));
    for (const size of [1, 7, 100, 512]) {
      expect(parseClientHello(records(message, size), 65_536)).toEqual({
        status: "complete",
        serverName: "acme.relay.test",
      });
    }
  });

  it("ignores records that follow the ClientHello", () => {
    const changeCipherSpec = Buffer.from([20, 3, 3, 0, 1, 1]);
    expect(parseClientHello(Buffer.concat([nodeHello, changeCipherSpec]))).toMatchObject({
      serverName: "acme.relay.test",
    });
  });

  it("never throws on thousands of random corruptions of a real ClientHello", () => {
    const random = mulberry32(20240611);
    const outcomes = new Set<string>();
    for (let i = 0; i < 5_000; i++) {
      const bytes = Buffer.from(nodeHello);
      const flips = 1 + Math.floor(random() * 4);
      for (let f = 0; f < flips; f++) bytes[Math.floor(random() * bytes.length)] = Math.floor(random() * 256);
      const cut = random() < 0.3 ? Math.floor(random() * bytes.length) : bytes.length;
      outcomes.add(parseClientHello(bytes.subarray(0, cut)).status);
    }
    expect(outcomes).toContain("malformed");
    expect(outcomes).toContain("incomplete");
  });
});

/** The handshake payloads of each record in `bytes`. */
function splitRecords(bytes: Buffer): Buffer[] {
  const out: Buffer[] = [];
  for (let offset = 0; offset + 5 <= bytes.length;) {
    const length = bytes.readUInt16BE(offset + 3);
    out.push(bytes.subarray(offset + 5, offset + 5 + length));
    offset += 5 + length;
  }
  return out;
}

describe("ClientHello server name, malformed input", () => {
  const malformed = (bytes: Buffer) => parseClientHello(bytes);

  it("reads a hand-built ClientHello, and one with no extensions at all", () => {
    expect(parseClientHello(hello(sniExtension(hostNameEntry("a.b"))))).toEqual({
      status: "complete",
      serverName: "a.b",
    });
    expect(parseClientHello(hello())).toEqual({ status: "complete", serverName: undefined });
    expect(parseClientHello(hello(extension(10, Buffer.from([0, 2, 0, 29]))))).toEqual({
      status: "complete",
      serverName: undefined,
    });
  });

  it("says plaintext and SSL 2 are not TLS at all", () => {
    expect(malformed(Buffer.from("GET / HTTP/1.1\r\n"))).toMatchObject({ status: "malformed", notTls: true });
    expect(malformed(Buffer.from([0x80, 0x2e, 0x01, 0x00, 0x02]))).toMatchObject({ notTls: true });
    expect(malformed(Buffer.from([22, 2, 0, 0, 5]))).toMatchObject({ status: "malformed", notTls: true });
  });

  it("refuses records of zero or more than 2^14 bytes, and non-handshake records in between", () => {
    expect(malformed(Buffer.from([22, 3, 1, 0, 0]))).toMatchObject({ status: "malformed", notTls: false });
    expect(parseClientHello(Buffer.from([22, 3, 1, 0x40, 0x01]), 65_536)).toMatchObject({
      status: "malformed",
    });
    const firstHalf = records(handshake(clientHelloBody(sniExtension(hostNameEntry("a.b"))))).subarray(5, 40);
    const split = Buffer.concat([
      Buffer.from([22, 3, 1]),
      u16(firstHalf.length),
      firstHalf,
      Buffer.from([23, 3, 3]),
    ]);
    expect(malformed(split)).toMatchObject({
      status: "malformed",
      reason: expect.stringMatching(/non-handshake/),
    });
  });

  it("refuses a first handshake message that is not a ClientHello", () => {
    expect(malformed(records(handshake(clientHelloBody(), 2)))).toMatchObject({ status: "malformed" });
  });

  it("refuses lengths that overrun their enclosing field", () => {
    const body = clientHelloBody(sniExtension(hostNameEntry("acme.example")));
    // The extensions block claims one byte more than there is.
    const extensionsAt = 2 + 32 + 1 + 2 + 4 + 2;
    const longer = Buffer.from(body);
    longer.writeUInt16BE(longer.readUInt16BE(extensionsAt) + 1, extensionsAt);
    expect(malformed(records(handshake(longer)))).toMatchObject({ status: "malformed" });
    // The handshake header claims fewer bytes than the body holds: the body is then cut short.
    const short = Buffer.concat([Buffer.from([1]), u24(body.length - 3), body.subarray(0, body.length - 3)]);
    expect(malformed(records(short))).toMatchObject({ status: "malformed" });
    // The host name's own length overruns the list.
    const overrun = extension(0, vector16(Buffer.concat([Buffer.from([0]), u16(50), Buffer.from("abc")])));
    expect(malformed(hello(overrun))).toMatchObject({ status: "malformed" });
    // A session id longer than 32 bytes, an odd cipher list, no compression methods.
    const badSession = Buffer.from(body);
    badSession[34] = 33;
    expect(malformed(records(handshake(badSession))).status).toBe("malformed");
  });

  it("refuses duplicate extensions, duplicate host names, an empty list and bad names", () => {
    const sni = sniExtension(hostNameEntry("a.example"));
    expect(malformed(hello(Buffer.concat([sni, sni])))).toMatchObject({ reason: /appears twice/ });
    expect(
      malformed(hello(sniExtension(hostNameEntry("a.example"), hostNameEntry("b.example")))),
    ).toMatchObject({
      reason: /two host names/,
    });
    expect(malformed(hello(extension(0, vector16(Buffer.alloc(0)))))).toMatchObject({ status: "malformed" });
    for (const bad of [
      "",
      "a b.example",
      "a\0.example",
      "-a.example",
      "a..example",
      "é.example",
      "x".repeat(64),
    ])
      expect(malformed(hello(sniExtension(hostNameEntry(bad)))), JSON.stringify(bad)).toMatchObject({
        status: "malformed",
      });
    expect(parseClientHello(hello(sniExtension(hostNameEntry("Trailing.Example."))))).toMatchObject({
      serverName: "trailing.example",
    });
  });

  it("skips name types other than host_name", () => {
    const entries = sniExtension(hostNameEntry("opaque", 7), hostNameEntry("real.example"));
    expect(parseClientHello(hello(entries))).toMatchObject({ serverName: "real.example" });
  });

  it("says too large as soon as a length announces more than the cap, before the bytes arrive", () => {
    const huge = Buffer.concat([Buffer.from([22, 3, 1]), u16(16_384), Buffer.from([1]), u24(0xffffff)]);
    expect(parseClientHello(huge, 16_384)).toMatchObject({ status: "too_large" });
    const headerOnly = Buffer.from([22, 3, 1, 0x3f, 0xff]);
    expect(parseClientHello(headerOnly, 4_096)).toMatchObject({ status: "too_large", declaredBytes: 16_388 });
    const padded = hello(extension(21, Buffer.alloc(10_000)));
    expect(parseClientHello(padded, 8_192).status).toBe("too_large");
    expect(parseClientHello(padded, 16_384).status).toBe("complete");
  });
});
