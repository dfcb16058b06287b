import { HpackError } from "./hpack-error.js";

/**
 * Bit lengths of the RFC 7541 Appendix B code for the octets 0–255 and EOS (256). The code is
 * canonical, so the lengths alone define it: codes are handed out in order of length, then symbol.
 */
// prettier-ignore
const CODE_LENGTHS = [
  13, 23, 28, 28, 28, 28, 28, 28, 28, 24, 30, 28, 28, 30, 28, 28, 28, 28, 28, 28, 28, 28, 30, 28, 28, 28, 28, 28, 28, 28, 28, 28,
  6, 10, 10, 12, 13, 6, 8, 11, 10, 10, 8, 11, 8, 6, 6, 6, 5, 5, 5, 6, 6, 6, 6, 6, 6, 6, 7, 8, 15, 6,
  12, 10, 13, 6, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 8, 7, 8, 13,
  19, 13, 14, 6, 15, 5, 6, 5, 6, 5, 6, 6, 6, 5, 7, 7, 6, 6, 6, 5, 6, 7, 6, 5, 5, 6, 7, 7, 7, 7,
  7, 15, 11, 14, 13, 28, 20, 22, 20, 20, 22, 22, 22, 23, 22, 23, 23, 23, 23, 23, 24, 23, 24, 24, 22, 23, 24, 23, 23, 23,
  23, 21, 22, 23, 22, 23, 23, 24, 22, 21, 20, 22, 22, 23, 23, 21, 23, 22, 22, 24, 21, 22, 23, 23, 21, 21, 22, 21, 23, 22,
  23, 23, 20, 22, 22, 22, 23, 22, 22, 23, 26, 26, 20, 19, 22, 23, 22, 25, 26, 26, 26, 27, 27, 26, 24, 25, 19, 21, 26, 27,
  27, 26, 27, 24, 21, 21, 26, 26, 28, 27, 27, 27, 20, 24, 20, 21, 22, 21, 21, 23, 22, 22, 25, 25, 24, 24, 26, 23, 26, 27,
  26, 26, 27, 27, 27, 27, 27, 28, 27, 27, 27, 27, 27, 26, 30,
];

const EOS = 256;
const MAX_LENGTH = 30;

/** The code of each symbol, right-aligned in its length. */
const CODES = new Array<number>(CODE_LENGTHS.length);
/** Per length: the first code of that length, how many codes have it, and where their symbols start. */
const FIRST_CODE = new Array<number>(MAX_LENGTH + 1).fill(0);
const COUNT = new Array<number>(MAX_LENGTH + 1).fill(0);
const OFFSET = new Array<number>(MAX_LENGTH + 1).fill(0);
/** Symbols sorted by (length, symbol): the order in which canonical codes are assigned. */
const SYMBOLS: number[] = [];

{
  const order = CODE_LENGTHS.map((_, symbol) => symbol).sort(
    (a, b) => CODE_LENGTHS[a]! - CODE_LENGTHS[b]! || a - b,
  );
  let code = 0;
  let previous = CODE_LENGTHS[order[0]!]!;
  for (const [position, symbol] of order.entries()) {
    const length = CODE_LENGTHS[symbol]!;
    if (position > 0) code = (code + 1) * 2 ** (length - previous);
    previous = length;
    CODES[symbol] = code;
    if (COUNT[length] === 0) {
      FIRST_CODE[length] = code;
      OFFSET[length] = position;
    }
    COUNT[length]!++;
    SYMBOLS.push(symbol);
  }
}

/** Bytes `input` takes Huffman-coded. */
export function huffmanLength(input: Buffer): number {
  let bits = 0;
  for (const octet of input) bits += CODE_LENGTHS[octet]!;
  return Math.ceil(bits / 8);
}

/** Writes `input` Huffman-coded into `out` at `at`, padded with the start of EOS; returns the end. */
export function huffmanEncode(input: Buffer, out: Buffer, at: number): number {
  // At most 7 pending bits plus one 30-bit code: below 2^37, so plain arithmetic, not 32-bit operators.
  let pending = 0;
  let pendingBits = 0;
  for (const octet of input) {
    const length = CODE_LENGTHS[octet]!;
    pending = pending * 2 ** length + CODES[octet]!;
    pendingBits += length;
    while (pendingBits >= 8) {
      pendingBits -= 8;
      const divisor = 2 ** pendingBits;
      out[at++] = Math.floor(pending / divisor);
      pending %= divisor;
    }
  }
  if (pendingBits > 0) out[at++] = pending * 2 ** (8 - pendingBits) + (2 ** (8 - pendingBits) - 1);
  return at;
}

/** Decodes the Huffman-coded octets `input[start, end)`; a malformed string is a COMPRESSION_ERROR. */
export function huffmanDecode(input: Buffer, start: number, end: number): Buffer {
  const out = Buffer.allocUnsafe(Math.ceil(((end - start) * 8) / 5));
  let written = 0;
  let code = 0;
  let length = 0;
  for (let index = start; index < end; index++) {
    const octet = input[index]!;
    for (let bit = 7; bit >= 0; bit--) {
      code = code * 2 + ((octet >> bit) & 1);
      length++;
      if (length > MAX_LENGTH) throw new HpackError("a Huffman code longer than any in the table");
      const rank = code - FIRST_CODE[length]!;
      if (COUNT[length]! > 0 && rank >= 0 && rank < COUNT[length]!) {
        const symbol = SYMBOLS[OFFSET[length]! + rank]!;
        if (symbol === EOS) throw new HpackError("EOS inside a Huffman-coded string");
        out[written++] = symbol;
        code = 0;
        length = 0;
      }
    }
  }
  // RFC 7541 §5.2: what is left must be fewer than 8 bits, all ones (the most significant bits of EOS).
  if (length > 7) throw new HpackError("Huffman padding longer than 7 bits");
  if (code !== 2 ** length - 1) throw new HpackError("Huffman padding that is not the start of EOS");
  return out.subarray(0, written);
}
