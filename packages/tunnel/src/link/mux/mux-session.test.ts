import { once, type EventEmitter } from "node:events";
import { connect, createServer, type AddressInfo, type Socket } from "node:net";
import type { Readable, Writable } from "node:stream";
import { afterEach, describe, expect, it, vi } from "vitest";
import { TunnelError } from "../../errors.js";
import {
  controlFrame,
  frameHeader,
  FrameReader,
  FrameType,
  MAX_DATA_BYTES,
  ResetCode,
  uint32,
} from "./frames.js";
import { MuxSession, type GoawayReason, type Hello } from "./mux-session.js";
import type { MuxStream } from "./mux-stream.js";

const KiB = 1024;
const MiB = 1024 * KiB;
/** What a stalled receiver may hold beyond its window: the credit it gave back while below its high-water mark. */
const READABLE_HIGH_WATER = 64 * KiB;

const json = (value: unknown) => Buffer.from(JSON.stringify(value));

/** Rejects when `promise` has not settled within `ms`, saying what was awaited. */
function within<T>(promise: Promise<T>, what: string, ms = 2_000): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms waiting for ${what}`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** The next `event`'s arguments. (Not `events.once`: that rejects on an "error" event, which some tests expect.) */
const next = <T extends unknown[]>(emitter: EventEmitter, event: string, ms?: number) =>
  within(
    new Promise<T>((resolve) => emitter.once(event, (...args: unknown[]) => resolve(args as T))),
    `"${event}"`,
    ms,
  );

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function patterned(length: number, seed: number): Buffer {
  const buffer = Buffer.allocUnsafe(length);
  for (let i = 0; i < length; i++) buffer[i] = (i * 7 + seed + (i >> 10)) & 0xff;
  return buffer;
}

/**
 * Everything a stream's readable side carries until its END. (Not `for await`: that destroys a
 * Duplex whose writable side is still open once the readable side ends.)
 */
function readAll(stream: Readable): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const parts: Buffer[] = [];
    stream.on("data", (chunk: Buffer) => parts.push(chunk));
    stream.once("end", () => resolve(Buffer.concat(parts)));
    stream.once("error", reject);
    stream.once("close", () => reject(new Error("the stream closed before its end")));
  });
}

/** Writes 64 KiB blocks one after another, each once the last was taken, until stopped. */
function pump(stream: Writable, block = Buffer.alloc(64 * KiB, 0x61)) {
  const state = { written: 0, stopped: false };
  const write = () => {
    if (state.stopped || stream.destroyed) return;
    stream.write(block, (error) => {
      if (error) return;
      state.written += block.length;
      write();
    });
  };
  write();
  return state;
}

/** Resolves with `read()` once it has not changed for `quietMs` (a sender that has stopped). */
async function plateau(read: () => number, quietMs = 200, limitMs = 3_000): Promise<number> {
  const started = performance.now();
  let last = read();
  let since = performance.now();
  while (performance.now() - started < limitMs) {
    await sleep(25);
    const now = read();
    if (now !== last) {
      last = now;
      since = performance.now();
    } else if (performance.now() - since >= quietMs) return now;
  }
  throw new Error(`still changing after ${limitMs} ms (at ${last})`);
}

interface Frame {
  type: FrameType;
  streamId: number;
  payload: Buffer;
}

describe("MuxSession", () => {
  const cleanup: Array<() => Promise<void> | void> = [];
  afterEach(async () => {
    for (const step of cleanup.splice(0).reverse()) await step();
  });

  /** A loopback TCP connection: the dialling end, then the accepted one. */
  async function loopback(): Promise<[Socket, Socket]> {
    const listener = createServer();
    listener.listen(0, "127.0.0.1");
    await once(listener, "listening");
    const accepted = once(listener, "connection") as Promise<[Socket]>;
    const dialled = connect((listener.address() as AddressInfo).port, "127.0.0.1");
    dialled.on("error", () => {});
    await once(dialled, "connect");
    const [socket] = await accepted;
    socket.on("error", () => {});
    listener.close();
    cleanup.push(() => {
      dialled.destroy();
      socket.destroy();
    });
    return [dialled, socket];
  }

  interface LinkOptions {
    /** The window the server grants (what the relay may send ahead on a stream). */
    serverWindow?: number;
    serverMaxWindow?: number;
    maxStreams?: number;
  }

  /** A relay-role and a server-role session over loopback TCP, up once each has the other's HELLO. */
  async function linked(options: LinkOptions = {}) {
    const [relaySocket, serverSocket] = await loopback();
    const serverHello: Hello = {
      window: options.serverWindow ?? 64 * KiB,
      maxStreams: options.maxStreams ?? 16,
    };
    const relayHello: Hello = {
      window: 64 * KiB,
      maxStreams: 16,
      serverId: "server-1",
      linkId: "link-1",
    };
    const server = new MuxSession(serverSocket, {
      role: "server",
      hello: serverHello,
      maxStreamWindow: options.serverMaxWindow,
    });
    const relay = new MuxSession(relaySocket, { role: "relay", hello: relayHello });
    cleanup.push(() => {
      relay.destroy();
      server.destroy();
    });
    const errors: Error[] = [];
    relay.on("error", (error) => errors.push(error));
    server.on("error", (error) => errors.push(error));
    // As the relay does (hub-link): it answers the server's HELLO with its own.
    relay.once("hello", () => relay.sendHello(relayHello));
    const [[helloAtRelay], [helloAtServer]] = await Promise.all([
      next<[Hello]>(relay, "hello"),
      next<[Hello]>(server, "hello"),
    ]);
    expect(helloAtRelay).toEqual({ ...serverHello, serverId: undefined, linkId: undefined });
    expect(helloAtServer).toEqual(relayHello);
    return { relay, server, errors };
  }

  /** Opens a stream from the relay and returns both ends with the metadata the server saw. */
  async function openStream(relay: MuxSession, server: MuxSession, meta: Buffer) {
    const accepted = next<[MuxStream, Buffer]>(server, "stream");
    const atRelay = relay.open(meta);
    const [atServer, seenMeta] = await accepted;
    return { atRelay, atServer, seenMeta };
  }

  describe("carrying streams", () => {
    it("carries bytes both ways on several streams at once, with each stream's OPEN metadata intact", async () => {
      const { relay, server, errors } = await linked();
      const seen: Array<{ id: number; meta: unknown }> = [];
      server.on("stream", (stream, meta) => {
        seen.push({ id: stream.id, meta: JSON.parse(meta.toString()) });
        // Echo, reversed so that an echo of the wrong stream's bytes cannot pass.
        void readAll(stream).then((body) => stream.end(Buffer.from(body).reverse()));
      });
      const bodies = [patterned(300 * KiB, 1), patterned(17, 2), patterned(1 * MiB + 5, 3)];
      const streams = bodies.map((_, i) =>
        relay.open(json({ deviceAddress: `198.51.100.${i + 1}`, devicePort: 50_000 + i })),
      );
      expect(streams.map((s) => s.id)).toEqual([1, 2, 3]);
      expect(relay.streamCount).toBe(3);
      const echoes = await within(
        Promise.all(
          streams.map((stream, i) => {
            stream.end(bodies[i]);
            return readAll(stream);
          }),
        ),
        "the echoes",
      );
      echoes.forEach((echo, i) => expect(echo.equals(Buffer.from(bodies[i]!).reverse())).toBe(true));
      expect(seen.sort((a, b) => a.id - b.id)).toEqual([
        { id: 1, meta: { deviceAddress: "198.51.100.1", devicePort: 50_000 } },
        { id: 2, meta: { deviceAddress: "198.51.100.2", devicePort: 50_001 } },
        { id: 3, meta: { deviceAddress: "198.51.100.3", devicePort: 50_002 } },
      ]);
      await sleep(20);
      expect([relay.streamCount, server.streamCount]).toEqual([0, 0]);
      expect(errors).toEqual([]);
    });

    it("half-closes with END: the relay's side ends while the server's side still flows", async () => {
      const { relay, server } = await linked();
      const { atRelay, atServer } = await openStream(relay, server, json({ n: 1 }));
      const relayReceived = readAll(atRelay);
      atRelay.end("request");
      expect((await readAll(atServer)).toString()).toBe("request");
      // The server has seen END; its direction is still open.
      expect(atServer.writable).toBe(true);
      for (const part of ["one ", "two ", "three"]) {
        atServer.write(part);
        await sleep(10);
      }
      atServer.end();
      expect((await within(relayReceived, "the response")).toString()).toBe("one two three");
    });

    it("half-closes with END: the server's side ends while the relay's side still flows", async () => {
      const { relay, server } = await linked();
      const { atRelay, atServer } = await openStream(relay, server, json({ n: 1 }));
      const serverReceived = readAll(atServer);
      atServer.end("greeting");
      expect((await within(readAll(atRelay), "the greeting")).toString()).toBe("greeting");
      const late = patterned(200 * KiB, 9); // More than a window: credit still flows after END.
      atRelay.end(late);
      expect((await within(serverReceived, "the late bytes")).equals(late)).toBe(true);
      await sleep(20);
      expect([relay.streamCount, server.streamCount]).toEqual([0, 0]);
    });

    it("ends the peer's end of a stream destroyed on either side, without an error, and forgets it on both", async () => {
      const { relay, server, errors } = await linked();

      const first = await openStream(relay, server, json({ n: 1 }));
      const serverClosed = next(first.atServer, "close");
      const serverErrors: Error[] = [];
      first.atServer.on("error", (error) => serverErrors.push(error));
      first.atRelay.destroy();
      await serverClosed;
      expect(first.atServer.destroyed).toBe(true);
      expect(serverErrors).toEqual([]);

      const second = await openStream(relay, server, json({ n: 2 }));
      const relayClosed = next(second.atRelay, "close");
      second.atServer.destroy();
      await relayClosed;
      expect(second.atRelay.destroyed).toBe(true);

      expect([relay.streamCount, server.streamCount]).toEqual([0, 0]);
      expect(errors).toEqual([]);
    });

    it("destroys the peer's end with an error when a stream is destroyed with one", async () => {
      const { relay, server } = await linked();
      const { atRelay, atServer } = await openStream(relay, server, json({ n: 1 }));
      const failed = next<[Error]>(atRelay, "error");
      atServer.on("error", () => {}); // Its own error, as the handler that destroyed it would.
      atServer.destroy(new Error("handler crashed"));
      const [error] = await failed;
      expect(error.message).toMatch(/reset the stream \(code 3\)/);
    });

    it("destroys the relay's end with stream_refused when the server refuses a stream", async () => {
      const { relay, server } = await linked();
      const { atRelay, atServer } = await openStream(relay, server, json({ n: 1 }));
      const failed = next<[Error]>(atRelay, "error");
      atServer.refuse();
      const [error] = await failed;
      expect(error).toBeInstanceOf(TunnelError);
      expect((error as TunnelError).code).toBe("stream_refused");
    });

    it("opens no more streams than the server's maxStreams at once, and another once one has closed", async () => {
      const { relay, server } = await linked({ maxStreams: 2 });
      const first = await openStream(relay, server, json({ n: 1 }));
      await openStream(relay, server, json({ n: 2 }));
      expect(() => relay.open(json({ n: 3 }))).toThrow(/already carries 2 streams/);
      const closed = next(first.atServer, "close");
      first.atRelay.destroy();
      await closed;
      const third = await openStream(relay, server, json({ n: 3 }));
      expect(third.atServer.id).toBe(3);
    });

    it("lets the relay open a stream at the server's limit once the last one has ended both ways, even before the server's handler has read it", async () => {
      const { relay, server } = await linked({ maxStreams: 1 });
      const first = await openStream(relay, server, json({ n: 1 }));
      // The server's side ends at once; its handler has not read what the relay sent yet.
      first.atServer.end("bye");
      expect((await within(readAll(first.atRelay), "the server's bytes")).toString()).toBe("bye");
      first.atRelay.end("unread for now");
      await next(first.atRelay, "close");
      expect(relay.streamCount).toBe(0);
      // The stream is over both ways on the wire, so the relay may open another...
      const second = relay.open(json({ n: 2 }));
      // ...and the server takes it rather than refusing it (stream_refused).
      const outcome = await within(
        Promise.race([
          next<[MuxStream, Buffer]>(server, "stream").then(([stream]) => `accepted stream ${stream.id}`),
          next<[Error]>(second, "error").then(([error]) => `refused: ${error.message}`),
        ]),
        "the second stream's fate",
      );
      expect(outcome).toBe("accepted stream 2");
    });

    it("does not stall on a zero-length write: its callback runs and the bytes after it arrive", async () => {
      const { relay, server } = await linked();
      const { atRelay, atServer } = await openStream(relay, server, json({ n: 1 }));
      const received = readAll(atServer);
      received.catch(() => {}); // Awaited below; this test may fail before it gets there.
      const empty = new Promise<void>((resolve, reject) =>
        atRelay.write(Buffer.alloc(0), (error) => (error ? reject(error) : resolve())),
      );
      await within(empty, "the zero-length write's callback", 1_000);
      atRelay.end("after");
      expect((await within(received, "the bytes after the empty write", 1_000)).toString()).toBe("after");
    });
  });

  describe("flow control", () => {
    it("holds at most about one window for a receiver that stops reading, while another stream on the link flows to completion", async () => {
      const window = 64 * KiB;
      const { relay, server, errors } = await linked({ serverWindow: window });
      const stalled = await openStream(relay, server, json({ n: 1 }));
      const flowing = await openStream(relay, server, json({ n: 2 }));

      // Stream 1's handler never reads; its sender keeps writing.
      const writer = pump(stalled.atRelay);
      const body = patterned(2 * MiB, 4);
      flowing.atRelay.end(body);
      const received = await within(readAll(flowing.atServer), "the flowing stream's bytes");
      expect(received.equals(body)).toBe(true);

      const written = await plateau(() => writer.written);
      expect(written).toBeLessThanOrEqual(window + READABLE_HIGH_WATER);
      const held = stalled.atServer.readableLength;
      expect(held).toBeGreaterThanOrEqual(window);
      expect(held).toBeLessThanOrEqual(window + READABLE_HIGH_WATER);

      // Reading again gives credit back: the sender goes on, and every byte arrives.
      let total = 0;
      stalled.atServer.on("data", (chunk: Buffer) => (total += chunk.length));
      const ended = next(stalled.atServer, "end");
      await sleep(100);
      writer.stopped = true;
      expect(writer.written).toBeGreaterThan(written + 2 * window);
      stalled.atRelay.end();
      await ended;
      expect(total).toBe(writer.written);
      expect(errors).toEqual([]);
    });

    async function bulkThenStall(options: LinkOptions) {
      const { relay, server, errors } = await linked(options);
      const { atRelay, atServer } = await openStream(relay, server, json({ n: 1 }));
      const writer = pump(atRelay);
      const bulk = 4 * MiB;
      let total = 0;
      const started = performance.now();
      await within(
        new Promise<void>((resolve) => {
          atServer.on("data", (chunk: Buffer) => {
            total += chunk.length;
            if (total < bulk) return;
            atServer.pause();
            resolve();
          });
        }),
        "the bulk transfer",
      );
      const bulkMs = performance.now() - started;
      await plateau(() => writer.written);
      writer.stopped = true;
      expect(errors).toEqual([]);
      return { held: atServer.readableLength, bulkMs };
    }

    it("grows a fast stream's window up to maxStreamWindow, and a stalled receiver then holds at most that", async () => {
      const max = 1 * MiB;
      const { held, bulkMs } = await bulkThenStall({ serverWindow: 64 * KiB, serverMaxWindow: max });
      expect(bulkMs).toBeLessThan(2_000);
      // It did grow: more than the initial window is held now, but no more than the largest.
      expect(held).toBeGreaterThan(64 * KiB + READABLE_HIGH_WATER);
      expect(held).toBeLessThanOrEqual(max + READABLE_HIGH_WATER);
    });

    it("keeps a stream at the initial window without maxStreamWindow", async () => {
      const { held } = await bulkThenStall({ serverWindow: 64 * KiB });
      expect(held).toBeGreaterThanOrEqual(64 * KiB);
      expect(held).toBeLessThanOrEqual(64 * KiB + READABLE_HIGH_WATER);
    });
  });

  describe("the link", () => {
    it("works through a backlog of streams a turn of the event loop at a time, so timers still run", async () => {
      const { relay, server } = await linked({ maxStreams: 500 });
      const busyMsPerStream = 4;
      let accepted = 0;
      server.on("stream", (stream) => {
        stream.on("error", () => {});
        // A handler with real work per stream, as a server's TLS handshake is.
        const until = performance.now() + busyMsPerStream;
        while (performance.now() < until);
        accepted++;
      });
      let last = performance.now();
      let longestGap = 0;
      const ticker = setInterval(() => {
        const now = performance.now();
        longestGap = Math.max(longestGap, now - last);
        last = now;
      }, 1);
      cleanup.push(() => clearInterval(ticker));
      // 300 streams opened in one go arrive as one backlog: 1.2 s of handler work.
      for (let i = 0; i < 300; i++) relay.open(json({ n: i }));
      await vi.waitFor(() => expect(accepted).toBe(300), { timeout: 5_000 });
      clearInterval(ticker);
      expect(longestGap).toBeLessThan(200);
    });

    it("answers PING with PONG, both ways, running each ping's own callback", async () => {
      const { relay, server } = await linked();
      const answered: string[] = [];
      const pinged = (who: string) =>
        new Promise<void>((resolve) => {
          const ping = (owner: MuxSession) => owner.ping(() => (answered.push(who), resolve()));
          ping(who.startsWith("relay") ? relay : server);
        });
      await within(Promise.all([pinged("relay 1"), pinged("server 1"), pinged("relay 2")]), "the PONGs");
      expect(answered.sort()).toEqual(["relay 1", "relay 2", "server 1"]);
    });

    it("drains on close(): no new streams, the server sees GOAWAY without a reason, an open stream finishes, then both close", async () => {
      const { relay, server, errors } = await linked();
      const { atRelay, atServer } = await openStream(relay, server, json({ n: 1 }));
      const goaway = next<[GoawayReason | undefined]>(server, "goaway");
      const order: string[] = [];
      atRelay.once("end", () => order.push("stream done"));
      relay.once("close", () => order.push("relay closed"));
      server.once("close", () => order.push("server closed"));
      const bothClosed = Promise.all([next(relay, "close"), next(server, "close")]);

      relay.close();
      expect(relay.closed).toBe(true);
      expect(() => relay.open(json({ n: 2 }))).toThrow(/not open for new streams/);
      expect(await goaway).toEqual([undefined]);
      expect(server.closed).toBe(true);
      expect(order).toEqual([]);

      // The stream already open goes on, both ways, past a window's worth.
      const up = patterned(300 * KiB, 5);
      const down = patterned(400 * KiB, 6);
      const atServerReceived = readAll(atServer);
      atRelay.end(up);
      atServer.end(down);
      const atRelayReceived = await within(readAll(atRelay), "the stream's bytes at the relay");
      expect(atRelayReceived.equals(down)).toBe(true);
      expect((await atServerReceived).equals(up)).toBe(true);

      // The link may end as soon as END has crossed both ways; bytes already received still reach
      // the stream's reader.
      await bothClosed;
      expect(order.sort()).toEqual(["relay closed", "server closed", "stream done"]);
      expect(server.socket.destroyed).toBe(true);
      expect(errors).toEqual([]);
    });

    it("closes at once on close() with no stream open", async () => {
      const { relay, server } = await linked();
      const closed = Promise.all([next(relay, "close"), next(server, "close"), next(server, "goaway")]);
      relay.close();
      await closed;
      expect([relay.destroyed, server.destroyed]).toEqual([true, true]);
    });

    it("delivers a GOAWAY reason to the peer, even when the connection ends right after it", async () => {
      const { relay, server } = await linked();
      const revoked = { code: "unauthorized", message: "server-1's registration was revoked" };
      const atServer = next<[GoawayReason | undefined]>(server, "goaway");
      const serverClosed = next(server, "close");
      // As revokeLink does.
      relay.goaway(revoked);
      relay.destroy(true);
      expect(await atServer).toEqual([revoked]);
      await serverClosed;

      const other = await linked();
      const atRelay = next<[GoawayReason | undefined]>(other.relay, "goaway");
      other.server.goaway({ code: "shutting_down", message: "the server is stopping" });
      expect(await atRelay).toEqual([{ code: "shutting_down", message: "the server is stopping" }]);
      expect(() => other.relay.open(json({ n: 1 }))).toThrow(/not open for new streams/);
    });
  });

  describe("a peer that breaks the protocol", () => {
    /**
     * A session under test on one end of a loopback connection, and on the other a plain socket
     * that speaks the framing by hand and records every frame the session sends it.
     */
    async function rawPeer(role: "relay" | "server", hello: Hello = { window: 64 * KiB, maxStreams: 16 }) {
      const [dialled, accepted] = await loopback();
      const [raw, sessionSocket] = role === "server" ? [dialled, accepted] : [accepted, dialled];
      const session = new MuxSession(sessionSocket, { role, hello });
      cleanup.push(() => session.destroy());
      const errors: Error[] = [];
      session.on("error", (error) => errors.push(error));
      const frames: Frame[] = [];
      const waiting = new Set<() => void>();
      const reader = new FrameReader({
        data: () => {},
        control: (type, streamId, payload) => {
          frames.push({ type, streamId, payload: Buffer.from(payload) });
          for (const wake of waiting) wake();
        },
      });
      raw.on("data", (chunk: Buffer) => reader.push(chunk));
      /** The first frame received that matches, waiting for it if need be. */
      const frame = (match: (frame: Frame) => boolean, what: string) =>
        within(
          new Promise<Frame>((resolve) => {
            const check = () => {
              const found = frames.find(match);
              if (!found) return;
              waiting.delete(check);
              resolve(found);
            };
            waiting.add(check);
            check();
          }),
          what,
        );
      return { raw, session, errors, frames, frame };
    }

    const HELLO = controlFrame(FrameType.hello, 0, json({ window: 64 * KiB, maxStreams: 16 }));
    const open = (id: number) => controlFrame(FrameType.open, id, json({ n: id }));
    const data = (id: number, bytes: Buffer) =>
      Buffer.concat([frameHeader(FrameType.data, id, bytes.length), bytes]);

    const cases: Array<{ name: string; role: "relay" | "server"; input: Buffer; detail: string }> = [
      {
        name: "garbage bytes",
        role: "server",
        input: Buffer.from("GET / HTTP/1.1\r\nHost: relay.test\r\n\r\n"),
        detail: "unknown frame type 71",
      },
      {
        name: "a frame header announcing an oversized DATA payload (no payload follows)",
        role: "server",
        input: Buffer.concat([HELLO, open(1), frameHeader(FrameType.data, 1, MAX_DATA_BYTES + 1)]),
        detail: `frame of type 3 with ${MAX_DATA_BYTES + 1} bytes (at most ${MAX_DATA_BYTES})`,
      },
      {
        name: "DATA on a stream never opened",
        role: "server",
        input: Buffer.concat([HELLO, open(1), data(7, Buffer.from("hello"))]),
        detail: "DATA on stream 7, which was never opened",
      },
      {
        name: "OPEN before HELLO",
        role: "server",
        input: open(1),
        detail: "a stream opened before HELLO",
      },
      {
        name: "OPEN with a stream id not above the last",
        role: "server",
        input: Buffer.concat([HELLO, open(3), open(2)]),
        detail: "stream 2 opened twice or out of order",
      },
      {
        name: "OPEN of the same stream twice",
        role: "server",
        input: Buffer.concat([HELLO, open(1), open(1)]),
        detail: "stream 1 opened twice or out of order",
      },
      {
        name: "a second HELLO",
        role: "server",
        input: Buffer.concat([HELLO, HELLO]),
        detail: "a second HELLO",
      },
      {
        name: "a HELLO that is not JSON",
        role: "server",
        input: controlFrame(FrameType.hello, 0, Buffer.from("{window: 65536")),
        detail: "a malformed HELLO",
      },
      {
        name: "a HELLO without a window",
        role: "server",
        input: controlFrame(FrameType.hello, 0, json({ maxStreams: 16 })),
        detail: "a malformed HELLO",
      },
      {
        name: "a CREDIT of 0",
        role: "server",
        input: Buffer.concat([HELLO, open(1), controlFrame(FrameType.credit, 1, uint32(0))]),
        detail: "a credit of 0 bytes",
      },
      {
        name: "a PING that is not 8 bytes",
        role: "server",
        input: Buffer.concat([HELLO, controlFrame(FrameType.ping, 0, Buffer.from("1234"))]),
        detail: "a PING must carry 8 bytes",
      },
      {
        name: "an OPEN sent by the server to the relay",
        role: "relay",
        input: Buffer.concat([HELLO, open(1)]),
        detail: "the server opened a stream",
      },
    ];

    it.each(cases)(
      "emits error, sends GOAWAY protocol_error and closes the link on $name (session is the $role)",
      async ({ role, input, detail }) => {
        const { raw, session, errors, frame } = await rawPeer(role);
        const closed = next(session, "close");
        const rawClosed = next(raw, "close");
        raw.write(input);
        await closed;
        expect(errors.map((error) => error.message)).toEqual([
          `The peer broke the link protocol: ${detail}.`,
        ]);
        const goaway = await frame((f) => f.type === FrameType.goaway, "the GOAWAY");
        expect(JSON.parse(goaway.payload.toString())).toEqual({ code: "protocol_error", message: detail });
        expect(session.destroyed).toBe(true);
        // The connection ends after the GOAWAY has been sent.
        await rawClosed;
        await vi.waitFor(() => expect(session.socket.destroyed).toBe(true));
      },
    );

    it("resets a stream whose peer sends more than its credit, and keeps the link up", async () => {
      const { raw, session, errors, frame } = await rawPeer("server", { window: 16 * KiB, maxStreams: 16 });
      const streamErrors: Error[] = [];
      const accepted = new Promise<{ closed: Promise<unknown> }>((resolve) =>
        session.once("stream", (stream) => {
          // Never read: no credit comes back beyond the readable's high-water mark.
          stream.on("error", (error) => streamErrors.push(error));
          resolve({ closed: next(stream, "close") });
        }),
      );
      // 256 KiB against a 16 KiB window, with at most 64 KiB more credited while the readable fills.
      const flood = Array.from({ length: 8 }, () => data(1, Buffer.alloc(32 * KiB, 0x62)));
      raw.write(Buffer.concat([HELLO, open(1), ...flood]));
      const { closed: streamClosed } = await within(accepted, "the stream");

      const reset = await frame((f) => f.type === FrameType.reset && f.streamId === 1, "the RESET");
      expect(reset.payload.readUInt32BE()).toBe(ResetCode.flowControl);
      await streamClosed;
      expect(streamErrors.map((error) => error.message)).toEqual([
        "The peer sent more than the stream's window allowed.",
      ]);
      expect(session.streamCount).toBe(0);

      // The link itself is fine: a PING still gets its PONG, and a new stream opens.
      raw.write(controlFrame(FrameType.ping, 0, Buffer.from("still up")));
      const pong = await frame((f) => f.type === FrameType.pong, "the PONG");
      expect(pong.payload.toString()).toBe("still up");
      const second = next<[MuxStream, Buffer]>(session, "stream");
      raw.write(open(2));
      expect((await second)[0].id).toBe(2);
      expect(session.destroyed).toBe(false);
      expect(errors).toEqual([]);
    });

    it.each([
      ["a truncated frame header", frameHeader(FrameType.data, 1, 100).subarray(0, 5)],
      ["a truncated DATA payload", data(1, Buffer.alloc(100, 0x63)).subarray(0, 60)],
      ["a truncated control frame", open(3).subarray(0, 12)],
    ])("closes and destroys its open streams when the peer hangs up after %s", async (_, truncated) => {
      const { raw, session, errors } = await rawPeer("server");
      const streams: MuxStream[] = [];
      const bothOpen = new Promise<void>((resolve) =>
        session.on("stream", (stream) => streams.push(stream) === 2 && resolve()),
      );
      raw.write(Buffer.concat([HELLO, open(1), open(2)]));
      await within(bothOpen, "two streams");
      const streamsClosed = Promise.all(streams.map((stream) => next(stream, "close")));
      const closed = next(session, "close");
      raw.end(truncated);
      await closed;
      await streamsClosed;
      expect(streams.every((stream) => stream.destroyed)).toBe(true);
      expect(session.streamCount).toBe(0);
      expect(session.socket.destroyed).toBe(true);
      expect(errors).toEqual([]);
    });
  });
});
