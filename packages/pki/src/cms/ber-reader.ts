import { decodeObjectIdentifier, MalformedDer } from "../der-reader.js";
import { DEFAULT_MAX_BER_DEPTH, MalformedBer, scanBer, type BerElement, type BerIndex } from "./ber.js";

export const TAG = {
  integer: 0x02,
  octetString: 0x04,
  constructedOctetString: 0x24,
  objectIdentifier: 0x06,
  utcTime: 0x17,
  generalizedTime: 0x18,
  sequence: 0x30,
  set: 0x31,
  /** [n] IMPLICIT of a primitive type, such as a SubjectKeyIdentifier signer id. */
  contextPrimitive: (n: number) => 0x80 | n,
  /** [n] EXPLICIT, or [n] IMPLICIT of a constructed type. */
  context: (n: number) => 0xa0 | n,
};

/** Walks a scanned BER structure field by field; every read is checked, none recurses on input. */
export class BerReader {
  private readonly index: BerIndex;

  constructor(
    readonly bytes: Uint8Array,
    maxDepth = DEFAULT_MAX_BER_DEPTH,
  ) {
    this.index = scanBer(bytes, maxDepth);
  }

  root(): BerElement {
    return this.index.get(0)!;
  }

  children(parent: BerElement): BerElement[] {
    if (!(parent.tag & 0x20)) throw new MalformedBer("a primitive element was read as constructed");
    const children: BerElement[] = [];
    for (let offset = parent.contentStart; offset < parent.contentEnd;) {
      const child = this.index.get(offset)!;
      children.push(child);
      offset = child.end;
    }
    return children;
  }

  /** The exact bytes of an element as received, header included. */
  whole(element: BerElement): Uint8Array {
    return this.bytes.subarray(element.start, element.end);
  }

  content(element: BerElement): Uint8Array {
    if (element.tag & 0x20) throw new MalformedBer("a constructed element was read as primitive");
    return this.bytes.subarray(element.contentStart, element.contentEnd);
  }

  /** An OCTET STRING's value; BER may split it into constructed chunks, which are joined. */
  octets(element: BerElement | undefined, what: string): Uint8Array {
    if (element?.tag === TAG.octetString) return this.content(element);
    const chunks = this.children(expectTag(element, TAG.constructedOctetString, what));
    return Buffer.concat(chunks.map((chunk) => this.octets(chunk, what)));
  }

  objectIdentifier(element: BerElement | undefined, what: string): string {
    try {
      return decodeObjectIdentifier(this.content(expectTag(element, TAG.objectIdentifier, what)));
    } catch (error) {
      if (error instanceof MalformedDer) throw new MalformedBer(`${what} is not a valid object identifier`);
      throw error;
    }
  }
}

export function expectTag(element: BerElement | undefined, tag: number, what: string): BerElement {
  if (element?.tag !== tag) throw new MalformedBer(`${what} is missing or of the wrong type`);
  return element;
}
