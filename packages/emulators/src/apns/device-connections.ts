import type { Clock } from "../clock.js";
import type { DeliveryHub, DeliveryListener } from "../delivery-hub.js";
import type { ApnsDelivery } from "./apns-emulator.js";

/**
 * APNs' store-and-forward: a notification for a device that is not connected is kept, but only the
 * latest one per device (a newer one replaces it), and only until its apns-expiration. Apple stores
 * nothing when apns-expiration is 0. With no apns-expiration Apple applies a storage period it does
 * not publish; here such a notification waits until it is replaced or delivered.
 *
 * Memory is one entry per token with a pending notification. Only registered tokens are held for:
 * tokens accepted by `acceptUnknownDevices` are load-test fodder nobody will ever connect, and
 * holding for them would grow without bound.
 */
export class DeviceConnections {
  private readonly pending = new Map<string, { delivery: ApnsDelivery; expiresAt: number }>();

  constructor(
    private readonly hub: DeliveryHub<ApnsDelivery>,
    private readonly isRegistered: (token: string) => boolean,
    private readonly clock: Clock,
  ) {}

  /** Hands an accepted notification to the device if connected, or keeps it for when it connects. */
  deliver(delivery: ApnsDelivery): void {
    // Decided before delivering: a one-shot listener (DeliveryHub.next) leaves during delivery.
    const online = this.hub.hasSubscribers(delivery.token);
    this.hub.deliver(delivery);
    if (online || !this.isRegistered(delivery.token)) return;
    const expiresAt = expiryOf(delivery);
    if (expiresAt === 0) this.pending.delete(delivery.token);
    else if (expiresAt > this.clock.now()) this.pending.set(delivery.token, { delivery, expiresAt });
  }

  /**
   * Connects devices: `listener` gets every notification to any of `tokens`, starting with the one
   * each may have pending. Returns the disconnect function.
   */
  connect(tokens: Iterable<string>, listener: DeliveryListener<ApnsDelivery>): () => void {
    const unsubscribes: Array<() => void> = [];
    const held: ApnsDelivery[] = [];
    const now = this.clock.now();
    for (const token of tokens) {
      unsubscribes.push(this.hub.subscribe(token, listener));
      const entry = this.pending.get(token);
      if (!entry) continue;
      this.pending.delete(token);
      if (entry.expiresAt > now) held.push(entry.delivery);
    }
    for (const delivery of held) listener(delivery);
    return () => {
      for (const unsubscribe of unsubscribes.splice(0)) unsubscribe();
    };
  }

  /** Notifications waiting for their device (expired ones included until looked at). */
  get pendingCount(): number {
    return this.pending.size;
  }
}

/** Epoch ms after which the notification may not be delivered; 0 for "deliver now or never". */
function expiryOf(delivery: ApnsDelivery): number {
  if (delivery.expiration === undefined) return Number.POSITIVE_INFINITY;
  const seconds = Number(delivery.expiration);
  return seconds === 0 ? 0 : seconds * 1000;
}
