export type DeliveryListener<T> = (delivery: T) => void;

/**
 * Where accepted notifications go: simulated devices subscribe to their own token, tests and
 * dashboards to everything. With no subscriber a delivery costs a counter increment.
 */
export class DeliveryHub<T extends { token: string }> {
  private readonly byToken = new Map<string, Set<DeliveryListener<T>>>();
  private readonly everyone = new Set<DeliveryListener<T>>();
  /** Notifications delivered so far. */
  count = 0;

  /** Calls `listener` for each notification to `token`; returns the unsubscribe function. */
  subscribe(token: string, listener: DeliveryListener<T>): () => void {
    let listeners = this.byToken.get(token);
    if (!listeners) this.byToken.set(token, (listeners = new Set()));
    listeners.add(listener);
    return () => {
      listeners.delete(listener);
      if (listeners.size === 0 && this.byToken.get(token) === listeners) this.byToken.delete(token);
    };
  }

  /** Calls `listener` for every notification delivered. */
  onDelivery(listener: DeliveryListener<T>): () => void {
    this.everyone.add(listener);
    return () => this.everyone.delete(listener);
  }

  /** The next notification to `token`, or a rejection after `timeoutMs`. */
  next(token: string, timeoutMs = 5_000): Promise<T> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        unsubscribe();
        reject(new Error(`No notification reached ${token.slice(0, 16)}… within ${timeoutMs} ms.`));
      }, timeoutMs);
      const unsubscribe = this.subscribe(token, (delivery) => {
        clearTimeout(timer);
        unsubscribe();
        resolve(delivery);
      });
    });
  }

  /** Whether anything listens for `token` itself; listeners to everything do not make a device online. */
  hasSubscribers(token: string): boolean {
    return this.byToken.has(token);
  }

  /** How many tokens have a listener of their own: what a test checks to see that nothing leaked. */
  get subscribedTokens(): number {
    return this.byToken.size;
  }

  deliver(delivery: T): void {
    this.count++;
    const listeners = this.byToken.get(delivery.token);
    if (listeners) for (const listener of [...listeners]) listener(delivery);
    for (const listener of this.everyone) listener(delivery);
  }
}
