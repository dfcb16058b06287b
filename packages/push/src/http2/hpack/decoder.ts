import { DynamicTable } from "./dynamic-table.js";
import { HpackError } from "./hpack-error.js";
import { huffmanDecode } from "./huffman.js";
import { readInteger } from "./integer.js";
import { STATIC_TABLE } from "./static-table.js";

export type HeaderField = [name: string, value: string];

/**
 * Decodes header blocks (RFC 7541 §6): indexed fields, the three kinds of literal, Huffman-coded
 * strings and dynamic table size updates. Every block must be decoded in order, even for a stream
 * nobody waits for any more, or the dynamic table drifts from the peer's.
 */
export class HpackDecoder {
  private readonly table: DynamicTable;

  /** `maxTableSize` is our SETTINGS_HEADER_TABLE_SIZE: the most the peer may make the table. */
  constructor(private readonly maxTableSize = 4096) {
    this.table = new DynamicTable(maxTableSize);
  }

  /** The table size the peer chose last. */
  get tableSize(): number {
    return this.table.maxSize;
  }

  /** Octets the dynamic table holds now. */
  get tableOctets(): number {
    return this.table.octets;
  }

  decode(block: Buffer): HeaderField[] {
    const fields: HeaderField[] = [];
    const end = block.length;
    let at = 0;
    let fieldsSeen = false;
    while (at < end) {
      const octet = block[at]!;
      if (octet & 0x80) {
        const index = readInteger(block, at, end, 7);
        at = index.end;
        fields.push(this.field(index.value));
        fieldsSeen = true;
      } else if (octet & 0x40) {
        at = this.literal(block, at, end, 6, fields, true);
        fieldsSeen = true;
      } else if (octet & 0x20) {
        // §4.2: size updates come first in a block, and never above what our SETTINGS allow.
        if (fieldsSeen) throw new HpackError("a dynamic table size update after a header field");
        const size = readInteger(block, at, end, 5);
        at = size.end;
        if (size.value > this.maxTableSize)
          throw new HpackError(
            `a dynamic table size of ${size.value}, above the ${this.maxTableSize} we allow`,
          );
        this.table.resize(size.value);
      } else {
        // 0001xxxx never indexed, 0000xxxx without indexing: both leave the table alone.
        at = this.literal(block, at, end, 4, fields, false);
        fieldsSeen = true;
      }
    }
    return fields;
  }

  private field(index: number): HeaderField {
    if (index === 0) throw new HpackError("index 0");
    if (index <= STATIC_TABLE.length) {
      const [name, value] = STATIC_TABLE[index - 1]!;
      return [name, value];
    }
    const entry = this.table.get(index - STATIC_TABLE.length);
    if (!entry)
      throw new HpackError(`index ${index}, past the ${this.table.length} entries of the dynamic table`);
    return [entry.name, entry.value];
  }

  private literal(
    block: Buffer,
    at: number,
    end: number,
    prefixBits: number,
    fields: HeaderField[],
    index: boolean,
  ): number {
    const nameIndex = readInteger(block, at, end, prefixBits);
    at = nameIndex.end;
    let name: string;
    if (nameIndex.value === 0) {
      const literalName = this.string(block, at, end);
      at = literalName.end;
      name = literalName.text;
    } else {
      name = this.field(nameIndex.value)[0];
    }
    const value = this.string(block, at, end);
    fields.push([name, value.text]);
    if (index) this.table.insert(name, value.text);
    return value.end;
  }

  private string(block: Buffer, at: number, end: number): { text: string; end: number } {
    if (at >= end) throw new HpackError("a string missing at the end of the header block");
    const huffman = (block[at]! & 0x80) !== 0;
    const length = readInteger(block, at, end, 7);
    const stop = length.end + length.value;
    if (stop > end) throw new HpackError("a string that runs past the end of the header block");
    const text = huffman
      ? huffmanDecode(block, length.end, stop).toString("latin1")
      : block.toString("latin1", length.end, stop);
    return { text, end: stop };
  }
}
