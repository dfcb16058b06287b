/**
 * The relay's push gateway as servers call it (with their link certificates): each server stores its
 * push credentials at the relay, sealed there, and asks the relay to wake devices. A wake-up names a
 * device's push token and nothing else: no command, no management data ever leaves through a push
 * service.
 */

export const PUSH_GATEWAY_PATHS = {
  credentials: "/relay/v1/push/credentials",
  /** With a scope, a tenant's own APNs credentials; without, the server's. */
  credentialsFor: (service: PushServiceName, scope?: string) =>
    `${scope ? PUSH_GATEWAY_PATHS.scopedCredentials(scope) : PUSH_GATEWAY_PATHS.credentials}/${service}`,
  /** A tenant's own credentials, listed with the server's (a path relays from before scopes do not know). */
  scopedCredentials: (scope: string) => `/relay/v1/push/scopes/${encodeURIComponent(scope)}/credentials`,
  wake: "/relay/v1/push/wake",
  deviceCas: "/relay/v1/push/device-cas",
} as const;

/** The relay's own channel host for agent devices: `push.<relay host>` on the device edge. */
export const pushChannelHost = (relayHost: string) => `push.${relayHost}`;

export const PUSH_SERVICES = ["apns", "fcm", "wns"] as const;

/**
 * Services whose credentials a server may hold per tenant (a scope, the tenant's id as the server
 * names it): Apple issues each organisation its own MDM push certificate. The others belong to the
 * app's publisher and are server-wide.
 */
export const SCOPED_PUSH_SERVICES = ["apns"] as const;
/** Scopes are ids the server chooses; this keeps them to what fits a URL and a key. */
export const PUSH_SCOPE_PATTERN = "^[A-Za-z0-9_.:-]{1,128}$";
export type PushServiceName = (typeof PUSH_SERVICES)[number];

/** What a server uploads for each service. */
export type PushCredentials =
  | {
      service: "apns";
      /** Token authentication (.p8 key) or the MDM push certificate (PEM, or PKCS#12 in base64). */
      token?: { keyId: string; teamId: string; privateKey: string };
      certificate?: { cert: string; key: string } | { pfxBase64: string; passphrase?: string };
      topic?: string;
      environment?: "production" | "sandbox";
      /** Replacing a certificate with one for another topic cuts enrolled devices off; it must be said. */
      confirmTopicChange?: boolean;
    }
  | { service: "fcm"; serviceAccount: Record<string, unknown> }
  | { service: "wns"; clientId: string; clientSecret: string };

/** What the relay says of a server's credentials: never the secrets themselves. */
export interface PushCredentialsStatus {
  service: PushServiceName;
  /** The APNs topic, the FCM project or the WNS client, so an administrator can tell which it is. */
  identity: string;
  updatedAt: number;
  /** When the certificate stops working (APNs certificate authentication); absent for keys that do not expire. */
  expiresAt?: number;
  /** The tenant these credentials are for; absent for the server's own. */
  scope?: string;
}

/** A wake-up goes through a vendor service, or through the relay's own channel (token: the device certificate's serial). */
export const WAKE_SERVICES = [...PUSH_SERVICES, "relay"] as const;
export type WakeServiceName = (typeof WAKE_SERVICES)[number];

export interface WakeTarget {
  service: WakeServiceName;
  token: string;
  /** APNs MDM wake-ups carry the device's PushMagic, which is what Apple's MDM protocol requires. */
  pushMagic?: string;
  /**
   * APNs only: the tenant whose push certificate wakes this device, when it has one at the relay;
   * otherwise the server's own is used. Absent: the server's own.
   */
  scope?: string;
}

export const MAX_WAKE_TARGETS = 1000;

export interface WakeOutcome {
  status: "delivered" | "token_invalid" | "retry_later" | "failed";
  reason?: string;
  retryAfterMs?: number;
}
