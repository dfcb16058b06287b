/**
 * A strict reader for the few DER structures this CA takes from outside (requests, its own CA
 * certificate). It never recurses on its own: callers walk exactly the fields they expect, so
 * deeply nested or oversized input cannot exhaust the stack, and each element is bounds-checked.
 */

export class MalformedDer extends Error {
  constructor(detail: string) {
    super(`Malformed DER: ${detail}`);
    this.name = "MalformedDer";
  }
}

export interface DerElement {
  tag: number;
  start: number;
  contentStart: number;
  end: number;
}

export function readElement(der: Uint8Array, offset: number, limit = der.length): DerElement {
  if (offset + 2 > limit) throw new MalformedDer("truncated element");
  const tag = der[offset]!;
  if ((tag & 0x1f) === 0x1f) throw new MalformedDer("multi-byte tag");
  let length = der[offset + 1]!;
  let contentStart = offset + 2;
  if (length & 0x80) {
    const count = length & 0x7f;
    // 0 is BER's indefinite length; more than 3 length octets would mean 16 MiB or more.
    if (count === 0 || count > 3 || contentStart + count > limit) throw new MalformedDer("bad length");
    if (der[contentStart] === 0) throw new MalformedDer("non-minimal length");
    length = 0;
    for (let i = 0; i < count; i++) length = length * 256 + der[contentStart + i]!;
    if (length < 0x80) throw new MalformedDer("non-minimal length");
    contentStart += count;
  }
  const end = contentStart + length;
  if (end > limit) throw new MalformedDer("length beyond its container");
  return { tag, start: offset, contentStart, end };
}

/** The elements inside a constructed element, checked to fill it exactly. */
export function readChildren(der: Uint8Array, parent: DerElement): DerElement[] {
  const children: DerElement[] = [];
  for (let offset = parent.contentStart; offset < parent.end;) {
    const child = readElement(der, offset, parent.end);
    children.push(child);
    offset = child.end;
  }
  return children;
}

export function expectTag(element: DerElement | undefined, tag: number, what: string): DerElement {
  if (!element || element.tag !== tag) throw new MalformedDer(`expected ${what}`);
  return element;
}

export const whole = (der: Uint8Array, element: DerElement) => der.subarray(element.start, element.end);
export const content = (der: Uint8Array, element: DerElement) =>
  der.subarray(element.contentStart, element.end);

/** The dotted form of an OBJECT IDENTIFIER's content, for messages and lookups. */
export function decodeObjectIdentifier(bytes: Uint8Array): string {
  if (bytes.length === 0 || bytes.length > 64) throw new MalformedDer("bad object identifier");
  const arcs: number[] = [];
  let value = 0;
  for (const byte of bytes) {
    value = value * 128 + (byte & 0x7f);
    if (!(byte & 0x80)) {
      arcs.push(value);
      value = 0;
    }
  }
  const first = arcs.shift() ?? 0;
  const head = first < 80 ? [Math.floor(first / 40), first % 40] : [2, first - 80];
  return [...head, ...arcs].join(".");
}
