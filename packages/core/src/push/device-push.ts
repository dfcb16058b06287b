/** Vendor push services: each needs credentials, kept at the relay. */
export const CREDENTIAL_SERVICES = ["apns", "fcm", "wns"] as const;
export type CredentialService = (typeof CREDENTIAL_SERVICES)[number];

/**
 * How a device is woken: through a vendor service with the token the device gave, or through the
 * relay's own channel (for agents without one), where the token is the device certificate's serial.
 */
export const PUSH_CHANNELS = [...CREDENTIAL_SERVICES, "relay"] as const;
export type PushChannel = (typeof PUSH_CHANNELS)[number];

export interface DevicePushRegistration {
  deviceId: string;
  service: PushChannel;
  /** The APNs device token, the FCM registration token or the WNS channel URI. */
  token: string;
  /** Apple MDM only: the PushMagic an MDM wake-up must carry. */
  pushMagic: string | null;
  updatedAt: number;
  /** Set when the push service said it will never deliver to this token again. */
  invalidAt: number | null;
  invalidReason: string | null;
  lastPushedAt: number | null;
}

export interface DevicePushRepository {
  /** Records the device's current token; a new token clears any earlier invalid mark. */
  save(
    registration: Omit<DevicePushRegistration, "invalidAt" | "invalidReason" | "lastPushedAt">,
  ): Promise<void>;
  get(deviceId: string): Promise<DevicePushRegistration | undefined>;
  /** The registrations of those devices that have a token still believed valid. */
  listUsable(deviceIds: string[]): Promise<DevicePushRegistration[]>;
  /** Marks a token invalid, unless the device has registered another since. */
  markInvalid(deviceId: string, token: string, reason: string, at: number): Promise<void>;
  markPushed(deviceIds: string[], at: number): Promise<void>;
  delete(deviceId: string): Promise<void>;
}

/** One wake-up for the push gateway: a token and, for Apple MDM, the PushMagic. Never anything else. */
export interface WakeRequest {
  service: PushChannel;
  token: string;
  pushMagic?: string;
  /** APNs: the tenant whose own push certificate wakes the device, when it has one (see apnsScopeOf). */
  scope?: string;
}

export interface WakeResult {
  status: "delivered" | "token_invalid" | "retry_later" | "failed";
  reason?: string;
}

/** Sends wake-ups (the relay's push gateway, in production); one result per request, in order. */
export interface WakeSender {
  wake(requests: WakeRequest[]): Promise<WakeResult[]>;
}

/** What the push gateway holds for one service, without the secret. */
export interface HeldPushCredentials {
  service: CredentialService;
  identity: string;
  updatedAt: number;
  /** When the credentials stop working: an APNs push certificate's end of validity. */
  expiresAt?: number;
  /** "" for the server's own; a tenant's id for that tenant's own APNs certificate. */
  scope: string;
}

/** Push credentials as a tenant's administrators see them. */
export interface PushCredentialsSummary extends Omit<HeldPushCredentials, "scope"> {
  /** The tenant's own (an APNs certificate), or the server's, which serve every tenant without their own. */
  scope: "tenant" | "server";
}

/** Where push credentials live: the relay, which sends the pushes. A scope names a tenant's own APNs credentials. */
export interface PushCredentialsGateway {
  /** The server's own credentials, and with a scope that tenant's own as well. */
  list(scope?: string): Promise<HeldPushCredentials[]>;
  set(
    credentials: { service: CredentialService } & Record<string, unknown>,
    scope?: string,
  ): Promise<HeldPushCredentials>;
  remove(service: CredentialService, scope?: string): Promise<void>;
}
