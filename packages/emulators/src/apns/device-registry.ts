import { randomBytes } from "node:crypto";

interface Device {
  topic: string;
  /** Epoch ms since which APNs answers Unregistered for this token. */
  unregisteredAt?: number;
}

export type DeviceLookup =
  | { ok: true }
  | { ok: false; status: 400; reason: "BadDeviceToken" | "DeviceTokenNotForTopic" }
  | { ok: false; status: 410; reason: "Unregistered"; timestamp: number };

/** The device tokens this emulated APNs knows, each bound to the topic (app) it was issued for. */
export class DeviceRegistry {
  private readonly devices = new Map<string, Device>();

  constructor(private readonly acceptUnknown: boolean) {}

  /** A new 32-byte token for an app (or MDM topic), as a device gets from APNs at registration. */
  register(topic: string, token = randomBytes(32).toString("hex")): string {
    this.devices.set(token.toLowerCase(), { topic });
    return token.toLowerCase();
  }

  /** From `at` on, pushes to `token` get 410 Unregistered with that time, as after an app is removed. */
  unregister(token: string, at: number): void {
    const device = this.devices.get(token.toLowerCase());
    if (device) device.unregisteredAt = at;
  }

  /** Whether `token` was ever registered here (unregistered ones included): only those are device tokens. */
  knows(token: string): boolean {
    return this.devices.has(token.toLowerCase());
  }

  lookup(token: string, topic: string): DeviceLookup {
    const device = this.devices.get(token.toLowerCase());
    if (!device)
      return this.acceptUnknown ? { ok: true } : { ok: false, status: 400, reason: "BadDeviceToken" };
    if (device.unregisteredAt !== undefined)
      return { ok: false, status: 410, reason: "Unregistered", timestamp: device.unregisteredAt };
    if (device.topic !== topic) return { ok: false, status: 400, reason: "DeviceTokenNotForTopic" };
    return { ok: true };
  }
}
