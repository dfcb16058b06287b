/**
 * A guard and index for BER taken from outside (the Mdm-Signature header). Apple devices send CMS
 * with indefinite lengths, which the strict DER reader refuses, so this scan accepts them, but it
 * walks the whole structure once with an explicit stack: no recursion, bounded depth, every length
 * checked against its container and every indefinite length closed by end-of-contents. Readers then
 * look elements up in the index instead of parsing again.
 */

export class MalformedBer extends Error {
  constructor(detail: string) {
    super(detail);
    this.name = "MalformedBer";
  }
}

export interface BerElement {
  /** The identifier octet: class, constructed bit and tag number below 31. */
  tag: number;
  start: number;
  contentStart: number;
  /** Where the content ends: before the end-of-contents octets of an indefinite length. */
  contentEnd: number;
  /** Where the whole element ends, end-of-contents included. */
  end: number;
  indefinite: boolean;
}

export type BerIndex = ReadonlyMap<number, BerElement>;

/** Nesting deeper than CMS ever needs (a certificate inside SignedData is about 12 levels). */
export const DEFAULT_MAX_BER_DEPTH = 32;

interface OpenElement {
  element: BerElement;
  /** The offset its content may not pass: its own end, or for an indefinite length its parent's. */
  limit: number;
}

/** Checks that `bytes` is exactly one well-formed BER element and indexes every element by offset. */
export function scanBer(bytes: Uint8Array, maxDepth = DEFAULT_MAX_BER_DEPTH): BerIndex {
  const index = new Map<number, BerElement>();
  const open: OpenElement[] = [];
  let offset = 0;
  for (;;) {
    const parent = open.at(-1);
    if (parent && !parent.element.indefinite && offset === parent.element.end) {
      open.pop();
      continue;
    }
    if (!parent && index.size > 0) break;
    const limit = parent?.limit ?? bytes.length;
    if (offset + 2 > limit) throw new MalformedBer("it is truncated");
    const tag = bytes[offset]!;
    if (tag === 0) {
      // End-of-contents closes the innermost indefinite length, and nothing else.
      if (bytes[offset + 1] !== 0 || !parent?.element.indefinite)
        throw new MalformedBer(`an end-of-contents marker is misplaced at byte ${offset}`);
      parent.element.contentEnd = offset;
      parent.element.end = offset + 2;
      offset += 2;
      open.pop();
      continue;
    }
    const element = readHeader(bytes, offset, limit);
    index.set(offset, element);
    if (tag & 0x20) {
      if (open.length >= maxDepth) throw new MalformedBer(`it nests deeper than ${maxDepth} levels`);
      open.push({ element, limit: element.indefinite ? limit : element.end });
      offset = element.contentStart;
    } else {
      offset = element.end;
    }
  }
  if (offset !== bytes.length) throw new MalformedBer("there are bytes after its end");
  return index;
}

function readHeader(bytes: Uint8Array, offset: number, limit: number): BerElement {
  const tag = bytes[offset]!;
  // No CMS field uses tag numbers of 31 or more; refusing them keeps headers to a fixed shape.
  if ((tag & 0x1f) === 0x1f) throw new MalformedBer(`it uses a multi-byte tag at byte ${offset}`);
  const first = bytes[offset + 1]!;
  let contentStart = offset + 2;
  if (first === 0x80) {
    if (!(tag & 0x20))
      throw new MalformedBer(`a primitive element has an indefinite length at byte ${offset}`);
    return { tag, start: offset, contentStart, contentEnd: -1, end: -1, indefinite: true };
  }
  let length = first;
  if (first & 0x80) {
    const count = first & 0x7f;
    // Four length octets already allow 4 GiB, far past any size cap; more is an attack or garbage.
    if (count > 4 || contentStart + count > limit)
      throw new MalformedBer(`a length is malformed at byte ${offset}`);
    length = 0;
    for (let i = 0; i < count; i++) length = length * 256 + bytes[contentStart + i]!;
    contentStart += count;
  }
  const end = contentStart + length;
  if (end > limit) throw new MalformedBer(`a length runs past its container at byte ${offset}`);
  return { tag, start: offset, contentStart, contentEnd: end, end, indefinite: false };
}
