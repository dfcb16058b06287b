import { DynamicTable, entrySize } from "./dynamic-table.js";
import { huffmanEncode, huffmanLength } from "./huffman.js";
import { writeInteger } from "./integer.js";
import { STATIC_FIELD_INDEX, STATIC_NAME_INDEX, STATIC_TABLE } from "./static-table.js";

/** The most we let a peer's SETTINGS_HEADER_TABLE_SIZE make our table: enough for APNs's few repeated headers. */
const ENCODER_TABLE_LIMIT = 4096;

/**
 * Encodes header blocks. Fields that repeat from request to request (authorization, apns-topic,
 * the push type) are added to the dynamic table once and then sent as a one- or two-octet index;
 * fields named in `unindexed` (a device token's path, an apns-id) are literals that leave the
 * table alone, so they do not push the repeated ones out.
 *
 * Literals are written as plain octets except those inserted into the table: those are Huffman-coded,
 * once, when it saves space; per-request values are not worth the CPU.
 */
export class HpackEncoder {
  private readonly table = new DynamicTable(ENCODER_TABLE_LIMIT);
  /** name → value → serial of its dynamic table entry. */
  private readonly dynamic = new Map<string, Map<string, number>>();
  private pendingSizeUpdates: number[] = [];

  constructor(private readonly unindexed: ReadonlySet<string> = new Set()) {
    this.table.onEvict = (name, value, serial) => {
      const values = this.dynamic.get(name);
      if (values?.get(value) === serial) {
        values.delete(value);
        if (values.size === 0) this.dynamic.delete(name);
      }
    };
  }

  /** The peer's SETTINGS_HEADER_TABLE_SIZE changed: the next block announces the table's new size. */
  setPeerTableSize(size: number): void {
    const next = Math.min(size, ENCODER_TABLE_LIMIT);
    if (next === this.table.maxSize && this.pendingSizeUpdates.length === 0) return;
    // §4.2: when the size dips and comes back between blocks, the smallest must be announced too.
    this.pendingSizeUpdates.push(next);
    this.table.resize(next);
  }

  /** The most octets `encode` can write for these fields. */
  static bound(fields: Iterable<readonly [string, string]>): number {
    let bound = HpackEncoder.BEGIN_BOUND;
    for (const [name, value] of fields) bound += HpackEncoder.fieldBound(name, value);
    return bound;
  }

  /** The most octets `begin` writes: two table size updates. */
  static readonly BEGIN_BOUND = 16;

  /** The most octets `field` writes for one field: its strings, two integers, and no Huffman growth. */
  static fieldBound(name: string, value: string): number {
    return name.length + value.length + 12;
  }

  /** Writes the block for `fields` into `out` at `at` and returns the end; `out` must hold `bound`. */
  encode(fields: Iterable<readonly [string, string]>, out: Buffer, at: number): number {
    at = this.begin(out, at);
    for (const [name, value] of fields) at = this.field(name, value, out, at);
    return at;
  }

  /**
   * Starts a block field by field, without building a list: `begin`, then `field` for each.
   * A block must start with `begin`, which announces any change in the table's size.
   */
  begin(out: Buffer, at: number): number {
    if (this.pendingSizeUpdates.length > 0) {
      const updates = this.pendingSizeUpdates;
      const smallest = Math.min(...updates);
      const last = updates[updates.length - 1]!;
      if (smallest !== last) at = writeInteger(out, at, 0x20, 5, smallest);
      at = writeInteger(out, at, 0x20, 5, last);
      this.pendingSizeUpdates = [];
    }
    return at;
  }

  field(name: string, value: string, out: Buffer, at: number): number {
    const staticIndex = STATIC_FIELD_INDEX.get(name)?.get(value);
    if (staticIndex !== undefined) return writeInteger(out, at, 0x80, 7, staticIndex);
    const serial = this.dynamic.get(name)?.get(value);
    if (serial !== undefined)
      return writeInteger(out, at, 0x80, 7, STATIC_TABLE.length + this.table.indexOfSerial(serial));
    const nameIndex = this.nameIndex(name);
    if (this.unindexed.has(name) || entrySize(name, value) > this.table.maxSize) {
      // Literal without indexing (§6.2.2).
      at =
        nameIndex === 0
          ? writeString(out, writeInteger(out, at, 0, 4, 0), name)
          : writeInteger(out, at, 0, 4, nameIndex);
      return writeString(out, at, value);
    }
    // Literal with incremental indexing (§6.2.1): from the next block on, this field is an index.
    at =
      nameIndex === 0
        ? writeHuffman(out, writeInteger(out, at, 0x40, 6, 0), name)
        : writeInteger(out, at, 0x40, 6, nameIndex);
    at = writeHuffman(out, at, value);
    const newSerial = this.table.insert(name, value);
    let values = this.dynamic.get(name);
    if (!values) this.dynamic.set(name, (values = new Map()));
    values.set(value, newSerial);
    return at;
  }

  private nameIndex(name: string): number {
    const staticIndex = STATIC_NAME_INDEX.get(name);
    if (staticIndex !== undefined) return staticIndex;
    const values = this.dynamic.get(name);
    if (values)
      for (const serial of values.values()) return STATIC_TABLE.length + this.table.indexOfSerial(serial);
    return 0;
  }
}

function writeString(out: Buffer, at: number, text: string): number {
  at = writeInteger(out, at, 0, 7, text.length);
  return at + out.write(text, at, "latin1");
}

function writeHuffman(out: Buffer, at: number, text: string): number {
  const raw = Buffer.from(text, "latin1");
  const coded = huffmanLength(raw);
  if (coded >= raw.length) return writeString(out, at, text);
  at = writeInteger(out, at, 0x80, 7, coded);
  return huffmanEncode(raw, out, at);
}
