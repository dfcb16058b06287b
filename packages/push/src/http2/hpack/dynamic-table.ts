/** RFC 7541 §4.1: an entry costs its name and value in octets plus 32 (strings here hold one octet a char). */
export const entrySize = (name: string, value: string) => name.length + value.length + 32;

interface Entry {
  name: string;
  value: string;
  size: number;
  /** How many entries were inserted before this one: a position that does not move as others arrive. */
  serial: number;
}

/**
 * The dynamic table (RFC 7541 §2.3.2 and §4): newest entry at index 1, oldest evicted first when an
 * insertion or a smaller maximum leaves too little room.
 */
export class DynamicTable {
  private readonly entries: Entry[] = [];
  private inserted = 0;
  private size = 0;
  /** Called with each evicted entry, so an encoder can drop it from its lookup. */
  onEvict: ((name: string, value: string, serial: number) => void) | undefined;

  constructor(private max: number) {}

  get maxSize(): number {
    return this.max;
  }

  /** Octets the entries take now (§4.1). */
  get octets(): number {
    return this.size;
  }

  get length(): number {
    return this.entries.length;
  }

  /** The entry at `index` (1 = newest), or undefined past the end. */
  get(index: number): Entry | undefined {
    return this.entries[this.entries.length - index];
  }

  /** The current index of the entry inserted as number `serial`. */
  indexOfSerial(serial: number): number {
    return this.inserted - serial;
  }

  /** Adds an entry; one larger than the whole table empties it and is not kept (§4.4). Returns its serial. */
  insert(name: string, value: string): number {
    const size = entrySize(name, value);
    const serial = this.inserted++;
    this.evictUntil(this.max - size);
    if (size <= this.max) {
      this.entries.push({ name, value, size, serial });
      this.size += size;
    }
    return serial;
  }

  resize(max: number): void {
    this.max = max;
    this.evictUntil(max);
  }

  private evictUntil(room: number): void {
    while (this.size > Math.max(0, room) && this.entries.length > 0) {
      const oldest = this.entries.shift()!;
      this.size -= oldest.size;
      this.onEvict?.(oldest.name, oldest.value, oldest.serial);
    }
  }
}
