import type { PushError } from "./errors.js";

export type PushService = "apns" | "fcm" | "wns";

/** What every push service can carry: a wake-up with a little data, never management data itself. */
export interface PushNotification {
  /** The APNs device token (hex), the FCM registration token or the WNS channel URI. */
  token: string;
  /** A small string map the device receives, such as the APNs PushMagic of an MDM wake-up. */
  data?: Readonly<Record<string, string>>;
  /** "high" (the default) wakes the device now; "normal" lets the service save the device's power. */
  priority?: "high" | "normal";
  /** Seconds the service may keep the notification for an offline device; 0 means now or never. */
  ttlSeconds?: number;
  /** Notifications with the same key replace one another while they wait for the device. */
  collapseKey?: string;
}

interface Attempted {
  /** Requests made for this notification, retries included. */
  attempts: number;
}

export interface Delivered extends Attempted {
  status: "delivered";
  /** The service's id for the notification (apns-id, FCM message name, X-WNS-Msg-ID). */
  id?: string;
  /** WNS only: whether the device was connected when the notification arrived. */
  deviceConnection?: "connected" | "disconnected" | "tempdisconnected";
}

/** The service will never deliver to this token again: the caller stops pushing to it. */
export interface TokenInvalid extends Attempted {
  status: "token_invalid";
  /** The service's own word: BadDeviceToken, Unregistered, UNREGISTERED, ChannelExpired... */
  reason: string;
  /** APNs Unregistered: when APNs last confirmed the token was no longer valid. */
  invalidSince?: Date;
}

/** Not delivered now, nothing wrong with the token or the credentials: the caller may try again later. */
export interface RetryLater extends Attempted {
  status: "retry_later";
  reason: string;
  /** How long the service asked us to wait, when it said. */
  retryAfterMs?: number;
}

/** Not delivered, and sending the same thing again will not help until someone fixes the cause. */
export interface Failed extends Attempted {
  status: "failed";
  reason: string;
  error: PushError;
}

export type PushResult = Delivered | TokenInvalid | RetryLater | Failed;

/** One push service. `send` does not throw for anything the service or network does: it says so in the result. */
export interface PushClient<N extends PushNotification = PushNotification> {
  readonly service: PushService;
  send(notification: N): Promise<PushResult>;
  /** Ends connections and timers; sends after close fail with code "closed". */
  close(): Promise<void>;
}
