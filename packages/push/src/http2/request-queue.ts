import type { ClientStream } from "./stream.js";

/** Requests waiting for the peer to allow another stream, first come first served. */
export class RequestQueue {
  private items: ClientStream[] = [];
  private head = 0;

  get length(): number {
    return this.items.length - this.head;
  }

  push(stream: ClientStream): void {
    this.items.push(stream);
  }

  /** The oldest waiting request; the queue must not be empty. */
  peek(): ClientStream {
    return this.items[this.head]!;
  }

  shift(): ClientStream {
    const stream = this.items[this.head]!;
    this.items[this.head++] = undefined as never;
    if (this.head === this.items.length) this.clear();
    return stream;
  }

  /** Empties the queue and returns what was in it. */
  drain(): ClientStream[] {
    const waiting = this.items.slice(this.head);
    this.clear();
    return waiting;
  }

  private clear(): void {
    this.items = [];
    this.head = 0;
  }
}
