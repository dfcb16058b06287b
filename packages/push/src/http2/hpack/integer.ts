import { HpackError } from "./hpack-error.js";

/**
 * RFC 7541 §5.1: `value` with an N-bit prefix; `first` holds the bits above the prefix. Returns the end.
 */
export function writeInteger(
  out: Buffer,
  at: number,
  first: number,
  prefixBits: number,
  value: number,
): number {
  const limit = (1 << prefixBits) - 1;
  if (value < limit) {
    out[at++] = first | value;
    return at;
  }
  out[at++] = first | limit;
  let rest = value - limit;
  while (rest >= 128) {
    out[at++] = (rest % 128) + 128;
    rest = Math.floor(rest / 128);
  }
  out[at++] = rest;
  return at;
}

/** A decoded integer and the offset after it. */
export interface Decoded {
  value: number;
  end: number;
}

/** Reads an N-bit-prefix integer at `at`; refuses one that runs off the block or past 2^31. */
export function readInteger(input: Buffer, at: number, end: number, prefixBits: number): Decoded {
  const limit = (1 << prefixBits) - 1;
  let value = input[at++]! & limit;
  if (value < limit) return { value, end: at };
  let shift = 0;
  for (;;) {
    if (at >= end) throw new HpackError("an integer that runs past the end of the header block");
    const octet = input[at++]!;
    value += (octet & 127) * 2 ** shift;
    shift += 7;
    if (value > 0x7fffffff) throw new HpackError("an integer larger than 2^31");
    if ((octet & 128) === 0) return { value, end: at };
  }
}
