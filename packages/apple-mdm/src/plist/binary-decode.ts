import { AppleMdmError } from "../errors.js";
import type { ResolvedLimits } from "./limits.js";
import { setKey, type PlistDict, type PlistValue } from "./value.js";

const malformed = (message: string) => new AppleMdmError("malformed_plist", message);
const tooLarge = (limit: number) =>
  new AppleMdmError("too_large", `The binary plist holds more than ${limit} values.`);

// Binary plist dates count seconds from 2001-01-01.
const APPLE_EPOCH_MS = Date.UTC(2001, 0, 1);
const TRAILER_BYTES = 32;

interface Task {
  ref: number;
  depth: number;
  assign: (value: PlistValue) => void;
}

/**
 * Decodes a `bplist00` document. Objects refer to each other by index, so a hostile file can loop or
 * share one subtree many times over; every reference is checked against the table, and depth and
 * the number of values visited (not stored) are bounded, with an explicit stack instead of recursion.
 */
export function decodeBinaryPlist(bytes: Buffer, limits: ResolvedLimits): PlistValue {
  if (bytes.length < 8 + 1 + TRAILER_BYTES) throw malformed("The binary plist is too short to be complete.");
  const trailer = bytes.length - TRAILER_BYTES;
  const offsetSize = bytes[trailer + 6]!;
  const refSize = bytes[trailer + 7]!;
  if (offsetSize < 1 || offsetSize > 8 || refSize < 1 || refSize > 8)
    throw malformed("The binary plist trailer is corrupt.");
  const count = readUnsigned(bytes, trailer + 8, 8);
  const top = readUnsigned(bytes, trailer + 16, 8);
  const tableAt = readUnsigned(bytes, trailer + 24, 8);
  if (count > limits.maxObjects) throw tooLarge(limits.maxObjects);
  if (top >= count || tableAt < 8 || tableAt + count * offsetSize > trailer)
    throw malformed("The binary plist trailer points outside the file.");

  const offsetOf = (ref: number): number => {
    if (ref >= count) throw malformed(`The binary plist refers to object ${ref}, which does not exist.`);
    const offset = readUnsigned(bytes, tableAt + ref * offsetSize, offsetSize);
    if (offset < 8 || offset >= tableAt) throw malformed("An object offset points outside the object area.");
    return offset;
  };
  const within = (start: number, length: number) => {
    if (start + length > tableAt) throw malformed("An object runs past the end of the object area.");
  };

  let root: PlistValue | undefined;
  const stack: Task[] = [{ ref: top, depth: 0, assign: (value) => (root = value) }];
  let visited = 0;
  while (stack.length > 0) {
    const task = stack.pop()!;
    visited += 1;
    if (visited + stack.length > limits.maxObjects) throw tooLarge(limits.maxObjects);
    const at = offsetOf(task.ref);
    const marker = bytes[at]!;
    const kind = marker >> 4;
    if (kind === 0xa || kind === 0xd) {
      const depth = task.depth + 1;
      if (depth > limits.maxDepth)
        throw new AppleMdmError("too_deep", `The plist nests deeper than ${limits.maxDepth} levels.`);
      const { length, start } = lengthOf(bytes, at, tableAt);
      const refs = (index: number) => readUnsigned(bytes, start + index * refSize, refSize);
      within(start, length * refSize * (kind === 0xd ? 2 : 1));
      if (visited + stack.length + length > limits.maxObjects) throw tooLarge(limits.maxObjects);
      if (kind === 0xa) {
        const array: PlistValue[] = new Array<PlistValue>(length);
        task.assign(array);
        for (let i = length - 1; i >= 0; i -= 1)
          stack.push({ ref: refs(i), depth, assign: (value) => (array[i] = value) });
      } else {
        const dict: PlistDict = {};
        task.assign(dict);
        const keys = Array.from({ length }, (_, i) => keyAt(bytes, offsetOf(refs(i)), tableAt));
        for (let i = length - 1; i >= 0; i -= 1)
          stack.push({ ref: refs(length + i), depth, assign: (value) => setKey(dict, keys[i]!, value) });
      }
    } else {
      task.assign(scalarAt(bytes, at, tableAt));
    }
  }
  if (root === undefined) throw malformed("The binary plist has no top object.");
  return root;
}

function keyAt(bytes: Buffer, at: number, end: number): string {
  const value = scalarAt(bytes, at, end);
  if (typeof value !== "string") throw malformed("A binary plist dictionary has a key that is not a string.");
  return value;
}

function scalarAt(bytes: Buffer, at: number, end: number): PlistValue {
  const marker = bytes[at]!;
  const info = marker & 0x0f;
  const need = (length: number) => {
    if (at + 1 + length > end) throw malformed("An object runs past the end of the object area.");
  };
  switch (marker >> 4) {
    case 0x0:
      if (marker === 0x08) return false;
      if (marker === 0x09) return true;
      throw malformed(`Binary plist marker 0x${marker.toString(16)} (null or fill) is not supported.`);
    case 0x1: {
      const size = 1 << info;
      need(size);
      return integerAt(bytes, at + 1, size);
    }
    case 0x2:
      if (info === 2) return (need(4), bytes.readFloatBE(at + 1));
      if (info === 3) return (need(8), bytes.readDoubleBE(at + 1));
      throw malformed("A binary plist real has an unsupported size.");
    case 0x3:
      if (info !== 3) throw malformed("A binary plist date is not an 8-byte real.");
      need(8);
      return new Date(APPLE_EPOCH_MS + bytes.readDoubleBE(at + 1) * 1000);
    case 0x4: {
      const { length, start } = lengthOf(bytes, at, end);
      return Buffer.from(bytes.subarray(start, start + length));
    }
    case 0x5: {
      const { length, start } = lengthOf(bytes, at, end);
      return bytes.toString("latin1", start, start + length);
    }
    case 0x6: {
      const { length, start } = lengthOf(bytes, at, end, 2);
      const units = Buffer.from(bytes.subarray(start, start + length * 2)).swap16();
      return units.toString("utf16le");
    }
    default:
      throw malformed(`Binary plist object type 0x${(marker >> 4).toString(16)} is not supported.`);
  }
}

/** A container's or string's element count, which may follow the marker as its own integer object. */
function lengthOf(bytes: Buffer, at: number, end: number, unit = 1): { length: number; start: number } {
  const info = bytes[at]! & 0x0f;
  let length = info;
  let start = at + 1;
  if (info === 0x0f) {
    const sizeMarker = bytes[start];
    if (sizeMarker === undefined || sizeMarker >> 4 !== 0x1 || (sizeMarker & 0x0f) > 3)
      throw malformed("A binary plist length is corrupt.");
    const size = 1 << (sizeMarker & 0x0f);
    if (start + 1 + size > end) throw malformed("A binary plist length runs past the object area.");
    length = readUnsigned(bytes, start + 1, size);
    start += 1 + size;
  }
  if (start + length * unit > end) throw malformed("An object runs past the end of the object area.");
  return { length, start };
}

function integerAt(bytes: Buffer, at: number, size: number): number | bigint {
  // 1, 2 and 4-byte integers are unsigned, 8-byte ones signed, 16-byte ones hold unsigned 64-bit values.
  if (size <= 4) return readUnsigned(bytes, at, size);
  let value: bigint;
  if (size === 8) value = bytes.readBigInt64BE(at);
  else if (size === 16) value = (bytes.readBigUInt64BE(at) << 64n) | bytes.readBigUInt64BE(at + 8);
  else throw malformed("A binary plist integer has an unsupported size.");
  return value >= BigInt(Number.MIN_SAFE_INTEGER) && value <= BigInt(Number.MAX_SAFE_INTEGER)
    ? Number(value)
    : value;
}

function readUnsigned(bytes: Buffer, at: number, size: number): number {
  if (at + size > bytes.length) throw malformed("The binary plist is truncated.");
  if (size <= 6) return bytes.readUIntBE(at, size);
  const value = readBig(bytes, at, size);
  if (value > BigInt(Number.MAX_SAFE_INTEGER)) throw malformed("A binary plist offset or count is absurd.");
  return Number(value);
}

function readBig(bytes: Buffer, at: number, size: number): bigint {
  let value = 0n;
  for (let i = 0; i < size; i += 1) value = (value << 8n) | BigInt(bytes[at + i]!);
  return value;
}
