import { randomBytes } from "node:crypto";

let lastMs = -1;
let sequence = 0;

// Random bytes are drawn in blocks: one getrandom call per 512 ids instead of one per id.
const POOL_SIZE = 16 * 512;
let pool = Buffer.alloc(0);
let poolOffset = POOL_SIZE;

function randomBlock(size: number): Buffer {
  if (poolOffset + size > pool.length) {
    pool = randomBytes(POOL_SIZE);
    poolOffset = 0;
  }
  const block = Buffer.from(pool.subarray(poolOffset, poolOffset + size));
  poolOffset += size;
  return block;
}

/**
 * UUID version 7 (RFC 9562): 48 bits of Unix milliseconds, a 12-bit sequence, then random bits.
 * Identifiers made by this process sort in the order they were made, even within one millisecond
 * (RFC 9562 §6.2, method 1), which keeps B-tree inserts local and makes `id` a faithful tie-breaker
 * for keyset paging and for "newest first" lists.
 */
export function newId(now: number = Date.now()): string {
  let ms = Math.max(now, lastMs);
  if (ms === lastMs) {
    sequence += 1;
    if (sequence > 0xfff) {
      ms += 1;
      sequence = 0;
    }
  } else {
    // Start each millisecond low in the range so that many ids fit before it overflows.
    sequence = randomBlock(2).readUInt16BE(0) & 0x3ff;
  }
  lastMs = ms;
  const bytes = randomBlock(16);
  bytes.writeUIntBE(ms, 0, 6);
  bytes[6] = 0x70 | (sequence >> 8);
  bytes[7] = sequence & 0xff;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = bytes.toString("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export function isId(value: string): boolean {
  return UUID.test(value);
}
