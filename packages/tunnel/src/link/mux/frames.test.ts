import { describe, expect, it } from "vitest";
import {
  controlFrame,
  FrameError,
  frameHeader,
  FrameReader,
  FrameType,
  HEADER_BYTES,
  MAX_CONTROL_BYTES,
  MAX_DATA_BYTES,
  ResetCode,
  uint32,
} from "./frames.js";

interface ControlSeen {
  type: FrameType;
  streamId: number;
  payload: string;
}

/** What a FrameReader handed on: control frames whole, and each stream's DATA bytes run together. */
function recorder() {
  const controls: ControlSeen[] = [];
  const data = new Map<number, Buffer[]>();
  const reader = new FrameReader({
    data: (streamId, bytes) => {
      // A DATA part is a slice of what was read: copy it, as the caller may reuse its buffer.
      const parts = data.get(streamId) ?? [];
      parts.push(Buffer.from(bytes));
      data.set(streamId, parts);
    },
    control: (type, streamId, payload) => controls.push({ type, streamId, payload: payload.toString("hex") }),
  });
  const dataByStream = () =>
    Object.fromEntries([...data].map(([id, parts]) => [id, Buffer.concat(parts).toString("hex")]));
  return { reader, controls, dataByStream };
}

function dataFrame(streamId: number, payload: Buffer): Buffer {
  return Buffer.concat([frameHeader(FrameType.data, streamId, payload.length), payload]);
}

function bytes(length: number, seed: number): Buffer {
  return Buffer.from(Array.from({ length }, (_, i) => (i * 31 + seed) & 0xff));
}

const json = (value: unknown) => Buffer.from(JSON.stringify(value));

/** Every frame type, DATA on two interleaved streams, and control frames with and without payload. */
const FRAMES = [
  controlFrame(FrameType.hello, 0, json({ window: 256 * 1024, maxStreams: 100 })),
  controlFrame(FrameType.open, 1, json({ deviceAddress: "198.51.100.7", devicePort: 50_123 })),
  dataFrame(1, bytes(200, 1)),
  controlFrame(FrameType.open, 2, json({ deviceAddress: "198.51.100.8" })),
  dataFrame(2, bytes(33, 2)),
  dataFrame(1, Buffer.alloc(0)),
  controlFrame(FrameType.credit, 1, uint32(65_536)),
  controlFrame(FrameType.ping, 0, Buffer.from("01234567")),
  dataFrame(1, bytes(57, 3)),
  controlFrame(FrameType.end, 1),
  controlFrame(FrameType.pong, 0, Buffer.from("76543210")),
  dataFrame(2, bytes(1, 4)),
  controlFrame(FrameType.reset, 2, uint32(ResetCode.cancel)),
  controlFrame(FrameType.goaway, 0),
  controlFrame(FrameType.goaway, 0, json({ code: "unauthorized", message: "revoked" })),
];
const STREAM = Buffer.concat(FRAMES);

const hex = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("hex");
const EXPECTED_CONTROLS: ControlSeen[] = [
  { type: FrameType.hello, streamId: 0, payload: hex({ window: 256 * 1024, maxStreams: 100 }) },
  {
    type: FrameType.open,
    streamId: 1,
    payload: hex({ deviceAddress: "198.51.100.7", devicePort: 50_123 }),
  },
  { type: FrameType.open, streamId: 2, payload: hex({ deviceAddress: "198.51.100.8" }) },
  { type: FrameType.credit, streamId: 1, payload: "00010000" },
  { type: FrameType.ping, streamId: 0, payload: Buffer.from("01234567").toString("hex") },
  { type: FrameType.end, streamId: 1, payload: "" },
  { type: FrameType.pong, streamId: 0, payload: Buffer.from("76543210").toString("hex") },
  { type: FrameType.reset, streamId: 2, payload: "00000000" },
  { type: FrameType.goaway, streamId: 0, payload: "" },
  { type: FrameType.goaway, streamId: 0, payload: hex({ code: "unauthorized", message: "revoked" }) },
];
const EXPECTED_DATA = {
  1: Buffer.concat([bytes(200, 1), bytes(57, 3)]).toString("hex"),
  2: Buffer.concat([bytes(33, 2), bytes(1, 4)]).toString("hex"),
};

describe("FrameReader", () => {
  it("reads a run of frames of every type delivered in one chunk", () => {
    const { reader, controls, dataByStream } = recorder();
    reader.push(STREAM);
    expect(controls).toEqual(EXPECTED_CONTROLS);
    expect(dataByStream()).toEqual(EXPECTED_DATA);
  });

  it("reads the same frames when the bytes are split in two at every byte boundary", () => {
    for (let split = 1; split < STREAM.length; split++) {
      const { reader, controls, dataByStream } = recorder();
      reader.push(STREAM.subarray(0, split));
      reader.push(STREAM.subarray(split));
      expect(controls, `split at byte ${split}`).toEqual(EXPECTED_CONTROLS);
      expect(dataByStream(), `split at byte ${split}`).toEqual(EXPECTED_DATA);
    }
  });

  it("reads the same frames fed one byte at a time, and from empty and uneven chunks", () => {
    const single = recorder();
    for (let i = 0; i < STREAM.length; i++) single.reader.push(STREAM.subarray(i, i + 1));
    expect(single.controls).toEqual(EXPECTED_CONTROLS);
    expect(single.dataByStream()).toEqual(EXPECTED_DATA);

    const uneven = recorder();
    const sizes = [0, 3, 7, 1, 0, 11, 2, 13, 5];
    for (let at = 0, i = 0; at < STREAM.length; i++) {
      const size = sizes[i % sizes.length]!;
      uneven.reader.push(STREAM.subarray(at, at + size));
      at += size;
    }
    expect(uneven.controls).toEqual(EXPECTED_CONTROLS);
    expect(uneven.dataByStream()).toEqual(EXPECTED_DATA);
  });

  it("hands on a DATA payload's bytes as they arrive, before the frame is complete", () => {
    const { reader, dataByStream } = recorder();
    const frame = dataFrame(5, bytes(100, 9));
    reader.push(frame.subarray(0, HEADER_BYTES + 40));
    expect(dataByStream()).toEqual({ 5: bytes(40, 9).toString("hex") });
    reader.push(frame.subarray(HEADER_BYTES + 40));
    expect(dataByStream()).toEqual({ 5: bytes(100, 9).toString("hex") });
  });

  it("holds a control frame back until its whole payload has arrived", () => {
    const { reader, controls } = recorder();
    const frame = controlFrame(FrameType.open, 3, Buffer.from("metadata"));
    reader.push(frame.subarray(0, frame.length - 1));
    expect(controls).toEqual([]);
    reader.push(frame.subarray(frame.length - 1));
    expect(controls).toEqual([
      { type: FrameType.open, streamId: 3, payload: Buffer.from("metadata").toString("hex") },
    ]);
  });

  it("accepts a DATA payload of exactly MAX_DATA_BYTES and a control payload of exactly MAX_CONTROL_BYTES", () => {
    const { reader, controls, dataByStream } = recorder();
    const data = bytes(MAX_DATA_BYTES, 5);
    const meta = bytes(MAX_CONTROL_BYTES, 6);
    const input = Buffer.concat([dataFrame(1, data), controlFrame(FrameType.open, 2, meta)]);
    for (let at = 0; at < input.length; at += 4093) reader.push(input.subarray(at, at + 4093));
    expect(dataByStream()).toEqual({ 1: data.toString("hex") });
    expect(controls).toEqual([{ type: FrameType.open, streamId: 2, payload: meta.toString("hex") }]);
  });

  describe("refuses with FrameError", () => {
    const refuse = (input: Buffer) => () => recorder().reader.push(input);

    it.each([0, 10, 71, 255])("a frame of unknown type %i", (type) => {
      const header = frameHeader(FrameType.open, 1, 0);
      header[0] = type;
      expect(refuse(header)).toThrow(FrameError);
      expect(refuse(header)).toThrow(`unknown frame type ${type}`);
    });

    it("an unknown frame type after good frames, once its header is complete", () => {
      const { reader, controls } = recorder();
      const header = frameHeader(FrameType.open, 1, 0);
      header[0] = 42;
      reader.push(Buffer.concat([controlFrame(FrameType.goaway, 0), header.subarray(0, 5)]));
      expect(controls).toHaveLength(1);
      expect(() => reader.push(header.subarray(5))).toThrow(FrameError);
    });

    it("a DATA frame over MAX_DATA_BYTES as soon as its header arrives, before any payload", () => {
      const header = frameHeader(FrameType.data, 1, MAX_DATA_BYTES + 1);
      expect(refuse(header)).toThrow(FrameError);
      expect(refuse(header)).toThrow(`${MAX_DATA_BYTES + 1} bytes (at most ${MAX_DATA_BYTES})`);
      expect(refuse(frameHeader(FrameType.data, 1, 0xffff_ffff))).toThrow(FrameError);

      // Split: nothing is refused until the length is known, then at once.
      const { reader, dataByStream } = recorder();
      reader.push(header.subarray(0, HEADER_BYTES - 1));
      expect(() => reader.push(header.subarray(HEADER_BYTES - 1))).toThrow(FrameError);
      expect(dataByStream()).toEqual({});
    });

    it.each([
      ["HELLO", FrameType.hello, 0],
      ["OPEN", FrameType.open, 1],
      ["RESET", FrameType.reset, 1],
      ["CREDIT", FrameType.credit, 1],
      ["PING", FrameType.ping, 0],
      ["GOAWAY", FrameType.goaway, 0],
    ] as const)("a %s frame over MAX_CONTROL_BYTES as soon as its header arrives", (_, type, streamId) => {
      const header = frameHeader(type, streamId, MAX_CONTROL_BYTES + 1);
      expect(refuse(header)).toThrow(FrameError);
      expect(refuse(header)).toThrow(`${MAX_CONTROL_BYTES + 1} bytes (at most ${MAX_CONTROL_BYTES})`);
    });

    it.each([
      ["HELLO", FrameType.hello],
      ["PING", FrameType.ping],
      ["PONG", FrameType.pong],
      ["GOAWAY", FrameType.goaway],
    ] as const)("a link frame (%s) on a stream other than 0", (_, type) => {
      const frame = controlFrame(type, 3, Buffer.alloc(8));
      expect(refuse(frame)).toThrow(FrameError);
      expect(refuse(frame)).toThrow(`frame of type ${type} on stream 3`);
    });

    it.each([
      ["OPEN", FrameType.open],
      ["DATA", FrameType.data],
      ["END", FrameType.end],
      ["RESET", FrameType.reset],
      ["CREDIT", FrameType.credit],
    ] as const)("a stream frame (%s) on stream 0", (_, type) => {
      const frame = controlFrame(type, 0, Buffer.alloc(4));
      expect(refuse(frame)).toThrow(FrameError);
      expect(refuse(frame)).toThrow(`frame of type ${type} on the link`);
    });

    it("a stream frame on stream 0 before handing on any of its payload", () => {
      const { reader, dataByStream, controls } = recorder();
      expect(() => reader.push(dataFrame(0, Buffer.from("smuggled")))).toThrow(FrameError);
      expect(dataByStream()).toEqual({});
      expect(controls).toEqual([]);
    });
  });
});
