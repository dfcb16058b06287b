import type { Registry } from "prom-client";
import { realSleep, systemClock, type Clock, type Random, type Sleep } from "../clock.js";
import { PushError } from "../errors.js";
import { AccessTokenCache, type AccessToken } from "../http/access-token-cache.js";
import { createHttpTransport, type HttpTransport } from "../http/http-request.js";
import { noMetrics, pushMetrics, type PushMetrics } from "../metrics.js";
import type { PushClient, PushNotification, PushResult } from "../push-client.js";
import { DEFAULT_RETRY_POLICY, type RetryPolicy } from "../retry/backoff.js";
import { sendWithRetries, type AttemptOutcome } from "../retry/send-with-retries.js";
import { fetchFcmAccessToken } from "./fcm-access-token.js";
import { classifyFcmResponse } from "./fcm-response.js";
import { readServiceAccount, type ServiceAccount } from "./service-account.js";

export const FCM_URL = "https://fcm.googleapis.com";

export interface FcmClientOptions {
  /** The service-account key file's JSON. Its token_uri says where access tokens come from. */
  serviceAccount: string | Record<string, unknown>;
  /** Another FCM origin, such as a local emulator's. */
  baseUrl?: string;
  /** Extra trust anchors (PEM) for an emulator's certificate. */
  ca?: string | string[];
  retry?: Partial<RetryPolicy>;
  requestTimeoutMs?: number;
  registry?: Registry;
  clock?: Clock;
  sleep?: Sleep;
  random?: Random;
}

/** FCM HTTP v1: one data message per send, with a cached OAuth access token. */
export class FcmClient implements PushClient {
  readonly service = "fcm";
  readonly account: ServiceAccount;
  readonly accessToken: AccessTokenCache;
  private readonly endpoint: URL;
  private readonly transport: HttpTransport;
  private readonly policy: RetryPolicy;
  private readonly metrics: PushMetrics;
  private readonly clock: Clock;
  private readonly sleep: Sleep;
  private readonly random: Random;
  private closed = false;

  constructor(options: FcmClientOptions) {
    this.account = readServiceAccount(options.serviceAccount);
    this.clock = options.clock ?? systemClock;
    this.sleep = options.sleep ?? realSleep;
    this.random = options.random ?? Math.random;
    this.policy = { ...DEFAULT_RETRY_POLICY, ...options.retry };
    this.metrics = options.registry ? pushMetrics(options.registry) : noMetrics;
    this.transport = createHttpTransport({ ca: options.ca, timeoutMs: options.requestTimeoutMs });
    this.endpoint = new URL(
      `/v1/projects/${encodeURIComponent(this.account.projectId)}/messages:send`,
      options.baseUrl ?? FCM_URL,
    );
    this.accessToken = new AccessTokenCache(
      () => fetchFcmAccessToken(this.account, this.transport, this.clock),
      this.clock,
    );
  }

  async send(notification: PushNotification): Promise<PushResult> {
    const started = performance.now();
    const body = JSON.stringify({ message: fcmMessage(notification) });
    let renewedAfterRefusal = false;
    const result = this.closed
      ? closedResult()
      : await sendWithRetries(
          async () => {
            const outcome = await this.attempt(body);
            // A refused access token is renewed once; a second refusal is the credential's fault, not the token's.
            if (outcome !== "unauthenticated") return outcome;
            if (renewedAfterRefusal) return credentialsRefused();
            renewedAfterRefusal = true;
            return { kind: "retry", reason: "UNAUTHENTICATED", retryAfterMs: 0 };
          },
          { policy: this.policy, sleep: this.sleep, random: this.random },
        );
    this.metrics.observe("fcm", result, (performance.now() - started) / 1000);
    return result;
  }

  async close(): Promise<void> {
    this.closed = true;
    this.transport.close();
  }

  private async attempt(body: string): Promise<AttemptOutcome | "unauthenticated"> {
    let token: AccessToken;
    try {
      token = await this.accessToken.get();
    } catch (error) {
      return errorOutcome(error);
    }
    let response;
    try {
      response = await this.transport.request(this.endpoint, {
        method: "POST",
        headers: {
          authorization: `Bearer ${token.value}`,
          "content-type": "application/json; charset=utf-8",
        },
        body,
      });
    } catch (error) {
      return errorOutcome(error);
    }
    if (response.status === 401) {
      this.accessToken.invalidate(token);
      return "unauthenticated";
    }
    return classifyFcmResponse(response, this.clock.now());
  }
}

/** The v1 Message: data only (a wake-up), Android priority and TTL in FCM's Duration syntax. */
export function fcmMessage(notification: PushNotification): Record<string, unknown> {
  const android: Record<string, unknown> = {
    priority: notification.priority === "normal" ? "NORMAL" : "HIGH",
  };
  if (notification.ttlSeconds !== undefined)
    android.ttl = `${Math.max(0, Math.floor(notification.ttlSeconds))}s`;
  if (notification.collapseKey !== undefined) android.collapse_key = notification.collapseKey;
  return { token: notification.token, data: notification.data ?? {}, android };
}

function errorOutcome(error: unknown): AttemptOutcome {
  if (
    error instanceof PushError &&
    (error.code === "credentials_rejected" || error.code === "invalid_credentials")
  )
    return { kind: "final", result: { status: "failed", reason: "CredentialsRejected", error } };
  return {
    kind: "retry",
    reason: error instanceof PushError && error.code === "timeout" ? "Timeout" : "ConnectionLost",
  };
}

function credentialsRefused(): AttemptOutcome {
  const error = new PushError(
    "credentials_rejected",
    "FCM refused a freshly issued access token (UNAUTHENTICATED): the service account may lack access to the project.",
  );
  return { kind: "final", result: { status: "failed", reason: "UNAUTHENTICATED", error } };
}

function closedResult(): PushResult {
  return {
    status: "failed",
    reason: "Closed",
    attempts: 0,
    error: new PushError("closed", "The FCM client was closed."),
  };
}
