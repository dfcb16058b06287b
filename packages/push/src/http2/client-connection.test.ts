import { afterEach, describe, expect, it } from "vitest";
import { PushError } from "../errors.js";
import type { ClientConnection, ClientConnectionOptions } from "./client-connection.js";
import { ErrorCode, Flag, FrameType, MAX_STREAM_ID, Setting } from "./frames.js";
import { ScriptedPeer } from "./testing/scripted-peer.js";

const cleanup: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const step of cleanup.splice(0).reverse()) await step();
});

const POST = { ":method": "POST", ":path": "/3/device/abc", "apns-topic": "com.example.agent" };

/** A client and its peer, past the SETTINGS exchange unless `settings` is null. */
async function connected(
  settings: Array<[number, number]> | null = [[Setting.MAX_CONCURRENT_STREAMS, 100]],
  options: Partial<ClientConnectionOptions> = {},
) {
  let retired = 0;
  const { peer, client } = await ScriptedPeer.start({ onRetired: () => retired++, ...options });
  cleanup.push(() => peer.close());
  cleanup.push(async () => client.destroy(new PushError("closed", "The test is over.")));
  if (settings) {
    peer.settings(settings);
    await peer.next(FrameType.SETTINGS); // ours
    const ack = await peer.next(FrameType.SETTINGS);
    expect(ack.flags & Flag.ACK).toBe(Flag.ACK);
  }
  return { peer, client, retired: () => retired };
}

/** Settles `promise` into a value the test can inspect without an unhandled rejection. */
const settle = <T>(promise: Promise<T>) =>
  promise.then(
    (value) => ({ ok: true as const, value }),
    (error: Error & { code?: string }) => ({ ok: false as const, error }),
  );

const failure = async (promise: Promise<unknown>) => {
  const result = await settle(promise);
  if (result.ok) throw new Error("expected the request to fail");
  return result.error;
};

async function headersOf(peer: ScriptedPeer, count: number) {
  const frames = [];
  for (let index = 0; index < count; index++) frames.push(await peer.next(FrameType.HEADERS));
  return frames;
}

describe("ClientConnection: the normal exchange", () => {
  it("sends the preface, SETTINGS without push, and a request the peer can decode", async () => {
    const { peer, client } = await connected();
    expect(peer.prefaceOk).toBe(true);
    const response = client.request(POST, Buffer.from('{"aps":{}}'));
    const [headers] = await headersOf(peer, 1);
    expect(peer.decodeRequest(headers!)).toEqual({
      ":scheme": "https",
      ":authority": "peer.test",
      ...POST,
    });
    const data = await peer.next(FrameType.DATA);
    expect(data.payload.toString()).toBe('{"aps":{}}');
    expect(data.flags & Flag.END_STREAM).toBe(Flag.END_STREAM);
    peer.respond(headers!.streamId, 400, '{"reason":"BadTopic"}', [["apns-id", "x-1"]]);
    expect(await response).toEqual({
      status: 400,
      headers: { "apns-id": "x-1" },
      body: '{"reason":"BadTopic"}',
    });
  });

  it("writes the requests of one turn in one socket write", async () => {
    const { peer, client } = await connected();
    const socket = (client as unknown as { socket: { write: (...args: unknown[]) => boolean } }).socket;
    const write = socket.write.bind(socket);
    let writes = 0;
    socket.write = (...args: unknown[]) => {
      writes++;
      return write(...(args as [Buffer]));
    };
    const responses = Array.from({ length: 20 }, () => client.request(POST, Buffer.from("{}")));
    const frames = await headersOf(peer, 20);
    expect(writes).toBe(1);
    for (const frame of frames) peer.respond(frame.streamId, 200);
    expect((await Promise.all(responses)).map((response) => response.status)).toEqual(Array(20).fill(200));
  });

  it("puts a response header block split over CONTINUATION frames back together", async () => {
    const { peer, client } = await connected();
    const response = client.request(POST);
    const [headers] = await headersOf(peer, 1);
    const block = peer.headerBlock([
      [":status", "200"],
      ["apns-id", "split-id"],
    ]);
    peer.send(FrameType.HEADERS, Flag.END_STREAM, headers!.streamId, block.subarray(0, 2));
    peer.send(FrameType.CONTINUATION, 0, headers!.streamId, block.subarray(2, 4));
    peer.send(FrameType.CONTINUATION, Flag.END_HEADERS, headers!.streamId, block.subarray(4));
    expect(await response).toMatchObject({ status: 200, headers: { "apns-id": "split-id" } });
  });

  it("answers the peer's PING with the same payload", async () => {
    const { peer } = await connected();
    peer.send(FrameType.PING, 0, 0, Buffer.from("12345678"));
    const ack = await peer.next(FrameType.PING);
    expect(ack.flags).toBe(Flag.ACK);
    expect(ack.payload.toString()).toBe("12345678");
  });
});

describe("ClientConnection: the peer's limits", () => {
  it("opens no more streams than SETTINGS_MAX_CONCURRENT_STREAMS, queues the rest, and follows a change", async () => {
    const { peer, client } = await connected([[Setting.MAX_CONCURRENT_STREAMS, 2]]);
    const responses = Array.from({ length: 5 }, () => client.request(POST));
    const first = await headersOf(peer, 2);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(peer.seen(FrameType.HEADERS)).toHaveLength(0);
    expect(client.queuedRequests).toBe(3);
    peer.respond(first[0]!.streamId, 200);
    const third = await headersOf(peer, 1);
    peer.settings([[Setting.MAX_CONCURRENT_STREAMS, 10]]);
    const rest = await headersOf(peer, 2);
    for (const frame of [first[1]!, ...third, ...rest]) peer.respond(frame.streamId, 200);
    await Promise.all(responses);
    expect(client.peakActive).toBe(4);
  });

  it("holds a body back while the stream window is shut and sends the rest on WINDOW_UPDATE", async () => {
    const { peer, client } = await connected([
      [Setting.MAX_CONCURRENT_STREAMS, 10],
      [Setting.INITIAL_WINDOW_SIZE, 10],
    ]);
    const response = client.request(POST, Buffer.from("a".repeat(25)));
    const [headers] = await headersOf(peer, 1);
    const id = headers!.streamId;
    expect((await peer.next(FrameType.DATA)).payload.length).toBe(10);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(peer.seen(FrameType.DATA)).toHaveLength(0);
    peer.send(FrameType.WINDOW_UPDATE, 0, id, peer.u32(10));
    const second = await peer.next(FrameType.DATA);
    expect([second.payload.length, second.flags & Flag.END_STREAM]).toEqual([10, 0]);
    // Raising the initial window through SETTINGS opens existing streams' windows too.
    peer.settings([[Setting.INITIAL_WINDOW_SIZE, 1000]]);
    const last = await peer.next(FrameType.DATA);
    expect([last.payload.length, last.flags & Flag.END_STREAM]).toEqual([5, Flag.END_STREAM]);
    peer.respond(id, 200);
    expect((await response).status).toBe(200);
  });

  it("keeps to the connection window and the peer's frame size, resuming on a connection WINDOW_UPDATE", async () => {
    const { peer, client } = await connected([
      [Setting.MAX_CONCURRENT_STREAMS, 10],
      [Setting.INITIAL_WINDOW_SIZE, 1 << 20],
    ]);
    const response = client.request(POST, Buffer.alloc(70_000, 1));
    let sent = 0;
    while (sent < 65_535) {
      const frame = await peer.next(FrameType.DATA);
      expect(frame.payload.length).toBeLessThanOrEqual(16_384);
      sent += frame.payload.length;
    }
    expect(sent).toBe(65_535);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(peer.seen(FrameType.DATA)).toHaveLength(0);
    peer.send(FrameType.WINDOW_UPDATE, 0, 0, peer.u32(100_000));
    const last = await peer.next(FrameType.DATA);
    expect([last.payload.length, last.flags & Flag.END_STREAM]).toEqual([70_000 - 65_535, Flag.END_STREAM]);
    peer.respond(last.streamId, 200);
    expect((await response).status).toBe(200);
  });

  it("splits a header block larger than the peer's frame size into HEADERS and CONTINUATION", async () => {
    const { peer, client } = await connected();
    const response = client.request({ ...POST, "apns-collapse-id": "x".repeat(20_000) });
    const [headers] = await headersOf(peer, 1);
    expect(headers!.flags & Flag.END_HEADERS).toBe(0);
    const continuation = await peer.next(FrameType.CONTINUATION);
    expect(continuation.flags & Flag.END_HEADERS).toBe(Flag.END_HEADERS);
    const fields = peer.decodeRequest({
      ...headers!,
      payload: Buffer.concat([headers!.payload, continuation.payload]),
    });
    expect(fields["apns-collapse-id"]).toHaveLength(20_000);
    peer.respond(headers!.streamId, 200);
    await response;
  });

  it("returns the window it used for a long response body with WINDOW_UPDATE", async () => {
    const { peer, client } = await connected();
    const response = client.request(POST);
    const [headers] = await headersOf(peer, 1);
    const id = headers!.streamId;
    peer.send(FrameType.HEADERS, Flag.END_HEADERS, id, peer.headerBlock([[":status", "500"]]));
    for (let index = 0; index < 3; index++) peer.send(FrameType.DATA, 0, id, Buffer.alloc(16_000, 65));
    let update = await peer.next(FrameType.WINDOW_UPDATE);
    // The first is the connection window we open with the preface.
    if (update.streamId === 0) update = await peer.next(FrameType.WINDOW_UPDATE);
    expect(update.streamId).toBe(id);
    expect(update.payload.readUInt32BE(0)).toBeGreaterThanOrEqual(32_000);
    peer.send(FrameType.DATA, Flag.END_STREAM, id, Buffer.from("!"));
    expect((await response).body).toHaveLength(48_001);
  });
});

describe("ClientConnection: failures settle every request", () => {
  it("on GOAWAY finishes streams up to the last id, fails the ones after it and the queued, and retires", async () => {
    const { peer, client, retired } = await connected([[Setting.MAX_CONCURRENT_STREAMS, 3]]);
    const requests = Array.from({ length: 5 }, () => settle(client.request(POST)));
    const frames = await headersOf(peer, 3);
    const [one, three] = frames;
    peer.send(
      FrameType.GOAWAY,
      0,
      0,
      Buffer.concat([peer.u32(three!.streamId, ErrorCode.NO_ERROR), Buffer.from('{"reason":"Shutdown"}')]),
    );
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(client.usable).toBe(false);
    expect(retired()).toBe(1);
    peer.respond(one!.streamId, 200);
    peer.respond(three!.streamId, 200);
    const results = await Promise.all(requests);
    expect(results.map((result) => result.ok)).toEqual([true, true, false, false, false]);
    const notProcessed = results[2]!;
    expect(!notProcessed.ok && notProcessed.error.message).toMatch(
      /GOAWAY \(NO_ERROR, Shutdown\).*not processed/,
    );
    expect(!results[3]!.ok && results[3]!.error.message).toMatch(/not sent/);
    await expect(client.request(POST)).rejects.toThrow(/takes no new requests/);
  });

  it("fails only the stream the peer resets, saying whether it was processed", async () => {
    const { peer, client } = await connected();
    const refused = client.request(POST);
    const cancelled = client.request(POST);
    const kept = client.request(POST);
    const [a, b, c] = await headersOf(peer, 3);
    peer.send(FrameType.RST_STREAM, 0, a!.streamId, peer.u32(ErrorCode.REFUSED_STREAM));
    peer.send(FrameType.RST_STREAM, 0, b!.streamId, peer.u32(ErrorCode.INTERNAL_ERROR));
    peer.respond(c!.streamId, 200);
    expect((await failure(refused)).message).toMatch(/refused the request before processing it/);
    expect((await failure(cancelled)).message).toMatch(/reset the request \(HTTP\/2 INTERNAL_ERROR\)/);
    expect((await kept).status).toBe(200);
    expect(client.usable).toBe(true);
  });

  it("fails every request in flight and in the queue when the connection is lost", async () => {
    const { peer, client, retired } = await connected([[Setting.MAX_CONCURRENT_STREAMS, 1]]);
    const requests = [client.request(POST), client.request(POST)];
    await headersOf(peer, 1);
    peer.socket.destroy();
    for (const request of requests) {
      const error = await failure(request);
      expect(error.code).toBe("connection_failed");
      expect(error.message).toMatch(/lost with 2 request\(s\) unanswered/);
    }
    expect(retired()).toBe(1);
  });

  it.each([
    [
      "a frame larger than we allow",
      (peer: ScriptedPeer) => peer.send(FrameType.DATA, 0, 1, Buffer.alloc(20_000)),
      /frame of 20000 octets, above the 16384 we allow \(FRAME_SIZE_ERROR\)/,
      ErrorCode.FRAME_SIZE_ERROR,
    ],
    [
      "a header block HPACK cannot decode",
      (peer: ScriptedPeer) => peer.send(FrameType.HEADERS, Flag.END_HEADERS, 1, Buffer.from([0x80])),
      /HPACK: index 0 \(COMPRESSION_ERROR\)/,
      ErrorCode.COMPRESSION_ERROR,
    ],
    [
      "a PING of the wrong size",
      (peer: ScriptedPeer) => peer.send(FrameType.PING, 0, 0, Buffer.alloc(5)),
      /PING of 5 octets \(FRAME_SIZE_ERROR\)/,
      ErrorCode.FRAME_SIZE_ERROR,
    ],
    [
      "HEADERS on a stream we never opened",
      (peer: ScriptedPeer) =>
        peer.send(FrameType.HEADERS, Flag.END_HEADERS, 7, peer.headerBlock([[":status", "200"]])),
      /HEADERS on stream 7, which we never opened \(PROTOCOL_ERROR\)/,
      ErrorCode.PROTOCOL_ERROR,
    ],
    [
      "a frame between HEADERS and its CONTINUATION",
      (peer: ScriptedPeer) => {
        peer.send(FrameType.HEADERS, 0, 1, Buffer.from([0x88]));
        peer.send(FrameType.PING, 0, 0, Buffer.alloc(8));
      },
      /in the middle of a header block \(PROTOCOL_ERROR\)/,
      ErrorCode.PROTOCOL_ERROR,
    ],
    [
      "a window pushed above 2^31-1",
      (peer: ScriptedPeer) => peer.send(FrameType.WINDOW_UPDATE, 0, 0, peer.u32(MAX_STREAM_ID)),
      /connection window above 2\^31-1 \(FLOW_CONTROL_ERROR\)/,
      ErrorCode.FLOW_CONTROL_ERROR,
    ],
    [
      "PUSH_PROMISE",
      (peer: ScriptedPeer) => peer.send(FrameType.PUSH_PROMISE, Flag.END_HEADERS, 1, peer.u32(2)),
      /PUSH_PROMISE although we disabled push/,
      ErrorCode.PROTOCOL_ERROR,
    ],
  ])(
    "ends the connection on %s: GOAWAY with the code, and the request fails saying why",
    async (_name, misbehave, message, code) => {
      const { peer, client, retired } = await connected();
      const request = client.request(POST);
      await headersOf(peer, 1);
      misbehave(peer);
      const error = await failure(request);
      expect(error.code).toBe("connection_failed");
      expect(error.message).toMatch(/^HTTP\/2 protocol error with https:\/\/peer\.test: /);
      expect(error.message).toMatch(message);
      const goAway = await peer.next(FrameType.GOAWAY);
      expect(goAway.payload.readUInt32BE(4)).toBe(code);
      expect(retired()).toBe(1);
      expect(client.usable).toBe(false);
    },
  );

  it("refuses a peer whose first frame is not SETTINGS", async () => {
    const { peer, client } = await connected(null);
    const request = client.request(POST);
    peer.send(FrameType.PING, 0, 0, Buffer.alloc(8));
    expect((await failure(request)).message).toMatch(
      /did not start with SETTINGS: it does not speak HTTP\/2/,
    );
  });

  it("cancels a request the peer does not answer in time, and the connection carries on", async () => {
    const { peer, client } = await connected(undefined, { requestTimeoutMs: 100 });
    const slow = client.request(POST);
    const [headers] = await headersOf(peer, 1);
    const error = await failure(slow);
    expect(error.code).toBe("timeout");
    const reset = await peer.next(FrameType.RST_STREAM);
    expect([reset.streamId, reset.payload.readUInt32BE(0)]).toEqual([headers!.streamId, ErrorCode.CANCEL]);
    // A late answer for the cancelled stream is ignored.
    peer.respond(headers!.streamId, 200);
    const next = client.request(POST);
    const [again] = await headersOf(peer, 1);
    peer.respond(again!.streamId, 200);
    expect((await next).status).toBe(200);
  });

  it("sends a PING when the peer is quiet and takes a connection whose PING goes unanswered for dead", async () => {
    const { peer, client, retired } = await connected(undefined, { pingAfterIdleMs: 40, pingTimeoutMs: 100 });
    const request = client.request(POST);
    await headersOf(peer, 1);
    const ping = await peer.next(FrameType.PING);
    expect(ping.flags).toBe(0);
    const error = await failure(request);
    expect(error.message).toMatch(/did not answer a PING within 100 ms: the connection is taken for dead/);
    expect(retired()).toBe(1);
  });

  it("stays up while the peer answers its PINGs", async () => {
    const { peer, client } = await connected(undefined, { pingAfterIdleMs: 40, pingTimeoutMs: 2_000 });
    for (let round = 0; round < 3; round++) {
      const ping = await peer.next(FrameType.PING);
      peer.send(FrameType.PING, Flag.ACK, 0, ping.payload);
    }
    expect(client.usable).toBe(true);
  });

  it("retires when its stream ids run out: the last requests finish, the next must use a new connection", async () => {
    const { peer, client, retired } = await connected(undefined, { firstStreamId: MAX_STREAM_ID - 2 });
    const requests = [client.request(POST), client.request(POST)];
    const frames = await headersOf(peer, 2);
    expect(frames.map((frame) => frame.streamId)).toEqual([MAX_STREAM_ID - 2, MAX_STREAM_ID]);
    expect(client.usable).toBe(false);
    expect(retired()).toBe(1);
    await expect(client.request(POST)).rejects.toThrow(/takes no new requests/);
    for (const frame of frames) peer.respond(frame.streamId, 200);
    expect((await Promise.all(requests)).map((response) => response.status)).toEqual([200, 200]);
  });

  it("closes gracefully: GOAWAY, in-flight requests answered, queued ones failed as closed", async () => {
    const { peer, client } = await connected([[Setting.MAX_CONCURRENT_STREAMS, 1]]);
    const inFlight = client.request(POST);
    const queued = client.request(POST);
    const [headers] = await headersOf(peer, 1);
    const closed = (client as ClientConnection).close();
    expect((await failure(queued)).code).toBe("closed");
    await peer.next(FrameType.GOAWAY);
    peer.respond(headers!.streamId, 200);
    expect((await inFlight).status).toBe(200);
    await closed;
  });
});
