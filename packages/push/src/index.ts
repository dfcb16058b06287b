export {
  ApnsClient,
  APNS_PRODUCTION_URL,
  APNS_SANDBOX_URL,
  type ApnsClientOptions,
  type ApnsCredentials,
} from "./apns/apns-client.js";
export { ApnsConnection } from "./apns/apns-connection.js";
export type { ApnsNotification, ApnsPushType } from "./apns/apns-notification.js";
export {
  loadApnsCertificate,
  type ApnsCertificate,
  type LoadedCertificate,
} from "./apns/certificate-credentials.js";
export {
  DEFAULT_PROVIDER_TOKEN_TIMING,
  ProviderToken,
  type ProviderTokenKey,
  type ProviderTokenTiming,
} from "./apns/provider-token.js";
export { realSleep, systemClock, type Clock, type Random, type Sleep } from "./clock.js";
export { describeError, PushError, type PushErrorCode } from "./errors.js";
export { FcmClient, FCM_URL, fcmMessage, type FcmClientOptions } from "./fcm/fcm-client.js";
export { readServiceAccount, type ServiceAccount } from "./fcm/service-account.js";
export { pushMetrics, type PushMetrics } from "./metrics.js";
export type {
  Delivered,
  Failed,
  PushClient,
  PushNotification,
  PushResult,
  PushService,
  RetryLater,
  TokenInvalid,
} from "./push-client.js";
export { backoffDelay, DEFAULT_RETRY_POLICY, parseRetryAfter, type RetryPolicy } from "./retry/backoff.js";
export type { WnsAppCredentials } from "./wns/wns-access-token.js";
export { WnsClient, WNS_TOKEN_URL, type WnsClientOptions, type WnsNotification } from "./wns/wns-client.js";
