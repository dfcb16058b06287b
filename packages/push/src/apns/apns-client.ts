import type { ConnectionOptions } from "node:tls";
import type { Registry } from "prom-client";
import { realSleep, systemClock, type Clock, type Random, type Sleep } from "../clock.js";
import { PushError } from "../errors.js";
import { noMetrics, pushMetrics, type PushMetrics } from "../metrics.js";
import type { PushClient, PushResult } from "../push-client.js";
import { DEFAULT_RETRY_POLICY, type RetryPolicy } from "../retry/backoff.js";
import { sendWithRetries, type AttemptOutcome, type RetryContext } from "../retry/send-with-retries.js";
import { ApnsConnection, type Http2Response } from "./apns-connection.js";
import { apnsPayload, apnsPriority, type ApnsNotification, type ApnsPushType } from "./apns-notification.js";
import { apnsReason, classifyApnsResponse } from "./apns-response.js";
import { loadApnsCertificate, type ApnsCertificate } from "./certificate-credentials.js";
import {
  DEFAULT_PROVIDER_TOKEN_TIMING,
  ProviderToken,
  type ProviderTokenKey,
  type ProviderTokenTiming,
} from "./provider-token.js";

const HEX = /^[0-9a-fA-F]+$/;

export const APNS_PRODUCTION_URL = "https://api.push.apple.com";
export const APNS_SANDBOX_URL = "https://api.sandbox.push.apple.com";

export type ApnsCredentials = { token: ProviderTokenKey } | { certificate: ApnsCertificate };

export interface ApnsClientOptions {
  credentials: ApnsCredentials;
  /** Which APNs to talk to; "production" unless said. Ignored when `baseUrl` is given. */
  environment?: "production" | "sandbox";
  /** Another APNs origin, such as a local emulator's. */
  baseUrl?: string;
  /** The app's bundle ID for token authentication; with a certificate, its UID unless said. */
  topic?: string;
  /** Extra trust anchors (PEM) for `baseUrl`'s certificate. */
  ca?: string | string[];
  defaultPushType?: ApnsPushType;
  retry?: Partial<RetryPolicy>;
  tokenTiming?: ProviderTokenTiming;
  connectTimeoutMs?: number;
  requestTimeoutMs?: number;
  /** Where the push metrics go; none when absent. */
  registry?: Registry;
  clock?: Clock;
  sleep?: Sleep;
  random?: Random;
}

/**
 * APNs provider API over one HTTP/2 session per credential. Construction reads the credential and
 * throws a PushError when it cannot be used; after that, `send` reports everything in its result.
 */
export class ApnsClient implements PushClient<ApnsNotification> {
  readonly service = "apns";
  readonly topic: string;
  readonly connection: ApnsConnection;
  readonly providerToken: ProviderToken | undefined;
  private readonly defaultPushType: ApnsPushType;
  private readonly retryContext: RetryContext;
  private readonly metrics: PushMetrics;
  private readonly clock: Clock;
  private closed = false;

  constructor(options: ApnsClientOptions) {
    this.clock = options.clock ?? systemClock;
    const random = options.random ?? Math.random;
    this.retryContext = {
      policy: { ...DEFAULT_RETRY_POLICY, ...options.retry },
      sleep: options.sleep ?? realSleep,
      random,
    };
    this.metrics = options.registry ? pushMetrics(options.registry) : noMetrics;
    const origin =
      options.baseUrl ?? (options.environment === "sandbox" ? APNS_SANDBOX_URL : APNS_PRODUCTION_URL);
    const tls: ConnectionOptions = options.ca ? { ca: options.ca } : {};
    const { credentials } = options;
    if ("token" in credentials) {
      if (!options.topic)
        throw new PushError(
          "invalid_credentials",
          "Token authentication needs the topic (the app's bundle ID): APNs cannot infer it from a key.",
        );
      this.topic = options.topic;
      this.providerToken = new ProviderToken(
        credentials.token,
        this.clock,
        random,
        options.tokenTiming ?? DEFAULT_PROVIDER_TOKEN_TIMING,
      );
    } else {
      const loaded = loadApnsCertificate(credentials.certificate, new Date(this.clock.now()));
      this.topic = options.topic ?? loaded.topic;
      Object.assign(tls, loaded.tls);
    }
    this.defaultPushType =
      options.defaultPushType ?? (this.topic.startsWith("com.apple.mgmt.") ? "mdm" : "background");
    this.connection = new ApnsConnection({
      origin,
      tls,
      connectTimeoutMs: options.connectTimeoutMs ?? 10_000,
      requestTimeoutMs: options.requestTimeoutMs ?? 10_000,
    });
  }

  send(notification: ApnsNotification): Promise<PushResult> {
    if (this.closed) return Promise.resolve(this.observe(closedResult(), performance.now()));
    const started = performance.now();
    // The token becomes part of the request path: anything but hex is refused here, never sent.
    if (!HEX.test(notification.token))
      return Promise.resolve(
        this.observe({ status: "token_invalid", reason: "BadDeviceToken", attempts: 0 }, started),
      );
    // Built once per notification and shared by its retries.
    const headers = this.headersFor(notification);
    const body = Buffer.from(apnsPayload(notification, headers["apns-push-type"] as ApnsPushType));
    // The first attempt is awaited without the retry loop: it is the only one almost every push makes.
    return this.attempt(headers, body).then((first) => {
      if (first.kind === "final")
        return this.observe({ ...first.result, attempts: 1 } as PushResult, started);
      return sendWithRetries(() => this.attempt(headers, body), this.retryContext, first).then((result) =>
        this.observe(result, started),
      );
    });
  }

  private observe(result: PushResult, started: number): PushResult {
    this.metrics.observe("apns", result, (performance.now() - started) / 1000);
    return result;
  }

  async close(): Promise<void> {
    this.closed = true;
    await this.connection.close();
  }

  private headersFor(notification: ApnsNotification): Record<string, string> {
    const pushType = notification.pushType ?? this.defaultPushType;
    const headers: Record<string, string> = {
      ":method": "POST",
      ":path": `/3/device/${notification.token}`,
      "apns-topic": notification.topic ?? this.topic,
      "apns-push-type": pushType,
      "apns-priority": apnsPriority(notification, pushType),
    };
    // Without an apns-id APNs makes one and returns it: one header less to encode per notification.
    if (notification.id !== undefined) headers["apns-id"] = notification.id;
    if (notification.ttlSeconds !== undefined)
      headers["apns-expiration"] =
        notification.ttlSeconds <= 0
          ? "0"
          : String(Math.floor(this.clock.now() / 1000) + notification.ttlSeconds);
    if (notification.collapseKey !== undefined) headers["apns-collapse-id"] = notification.collapseKey;
    return headers;
  }

  private attempt(headers: Record<string, string>, body: Buffer): Promise<AttemptOutcome> {
    const jwt = this.providerToken?.current();
    if (jwt) headers.authorization = `bearer ${jwt}`;
    return this.connection.request(headers, body).then(
      (response) => this.classify(response, jwt),
      (error: unknown): AttemptOutcome => {
        if (error instanceof PushError && error.code === "closed")
          return { kind: "final", result: { status: "failed", reason: "Closed", error } };
        // A broken connection or a stream refused on GOAWAY: the next attempt goes out on a new session.
        const timedOut = error instanceof PushError && error.code === "timeout";
        return { kind: "retry", reason: timedOut ? "Timeout" : "ConnectionLost" };
      },
    );
  }

  private classify(response: Http2Response, jwt: string | undefined): AttemptOutcome {
    if (jwt && response.status === 403 && apnsReason(response) === "ExpiredProviderToken") {
      const renewed = this.providerToken!.renewAfterRejection(jwt);
      if (!renewed.ok)
        return {
          kind: "final",
          result: { status: "failed", reason: "ExpiredProviderToken", error: renewed.error },
        };
      return { kind: "retry", reason: "ExpiredProviderToken", retryAfterMs: 0 };
    }
    return classifyApnsResponse(response, this.clock.now());
  }
}

function closedResult(): PushResult {
  return {
    status: "failed",
    reason: "Closed",
    attempts: 0,
    error: new PushError("closed", "The APNs client was closed."),
  };
}
