/**
 * One promise per key, made on first use and kept, so that concurrent callers share one load; a
 * promise that fails is forgotten, so the next call tries again.
 */
export class KeptPromises<T> {
  private readonly kept = new Map<string, Promise<T>>();

  get(key: string, make: () => Promise<T>): Promise<T> {
    return this.kept.get(key) ?? this.replace(key, make);
  }

  /** Makes and keeps a new one in place of what is kept (say, a certificate near its end). */
  replace(key: string, make: () => Promise<T>): Promise<T> {
    const made = make();
    made.catch(() => {
      if (this.kept.get(key) === made) this.kept.delete(key);
    });
    this.kept.set(key, made);
    return made;
  }

  peek(key: string): Promise<T> | undefined {
    return this.kept.get(key);
  }
}
