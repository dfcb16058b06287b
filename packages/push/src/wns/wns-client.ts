import type { Registry } from "prom-client";
import { realSleep, systemClock, type Clock, type Random, type Sleep } from "../clock.js";
import { PushError } from "../errors.js";
import { AccessTokenCache, type AccessToken } from "../http/access-token-cache.js";
import { createHttpTransport, type HttpTransport } from "../http/http-request.js";
import { noMetrics, pushMetrics, type PushMetrics } from "../metrics.js";
import type { PushClient, PushNotification, PushResult } from "../push-client.js";
import { DEFAULT_RETRY_POLICY, type RetryPolicy } from "../retry/backoff.js";
import { sendWithRetries, type AttemptOutcome } from "../retry/send-with-retries.js";
import { fetchWnsAccessToken, type WnsAppCredentials } from "./wns-access-token.js";
import { classifyWnsResponse } from "./wns-response.js";

export const WNS_TOKEN_URL = "https://login.live.com/accesstoken.srf";

export interface WnsNotification extends PushNotification {
  /** The raw bytes the device's app receives; JSON of `data` when absent. */
  body?: Buffer;
}

export interface WnsClientOptions {
  credentials: WnsAppCredentials;
  tokenUrl?: string;
  /**
   * Hosts a channel URI may name; "*." matches any subdomain. Channel URIs come from devices, and the
   * request carries our access token, so a URI elsewhere must not get it.
   */
  allowedChannelHosts?: string[];
  ca?: string | string[];
  retry?: Partial<RetryPolicy>;
  requestTimeoutMs?: number;
  registry?: Registry;
  clock?: Clock;
  sleep?: Sleep;
  random?: Random;
}

/** WNS raw notifications (device wake-ups) to channel URIs, with a cached access token. */
export class WnsClient implements PushClient<WnsNotification> {
  readonly service = "wns";
  readonly accessToken: AccessTokenCache;
  private readonly transport: HttpTransport;
  private readonly allowedHosts: string[];
  private readonly policy: RetryPolicy;
  private readonly metrics: PushMetrics;
  private readonly clock: Clock;
  private readonly sleep: Sleep;
  private readonly random: Random;
  private closed = false;

  constructor(options: WnsClientOptions) {
    if (!options.credentials.clientId || !options.credentials.clientSecret)
      throw new PushError(
        "invalid_credentials",
        "WNS needs the app's Package SID (client ID) and client secret.",
      );
    this.clock = options.clock ?? systemClock;
    this.sleep = options.sleep ?? realSleep;
    this.random = options.random ?? Math.random;
    this.policy = { ...DEFAULT_RETRY_POLICY, ...options.retry };
    this.metrics = options.registry ? pushMetrics(options.registry) : noMetrics;
    this.allowedHosts = (options.allowedChannelHosts ?? ["*.notify.windows.com"]).map((host) =>
      host.toLowerCase(),
    );
    this.transport = createHttpTransport({ ca: options.ca, timeoutMs: options.requestTimeoutMs });
    const tokenUrl = new URL(options.tokenUrl ?? WNS_TOKEN_URL);
    this.accessToken = new AccessTokenCache(
      () => fetchWnsAccessToken(options.credentials, tokenUrl, this.transport, this.clock),
      this.clock,
    );
  }

  async send(notification: WnsNotification): Promise<PushResult> {
    const started = performance.now();
    const result = this.closed ? closedResult() : await this.sendOpen(notification);
    this.metrics.observe("wns", result, (performance.now() - started) / 1000);
    return result;
  }

  async close(): Promise<void> {
    this.closed = true;
    this.transport.close();
  }

  private async sendOpen(notification: WnsNotification): Promise<PushResult> {
    const channel = this.channelUrl(notification.token);
    if (!channel) return { status: "token_invalid", reason: "ChannelInvalid", attempts: 0 };
    const body = notification.body ?? Buffer.from(JSON.stringify(notification.data ?? {}));
    const headers: Record<string, string | number> = {
      "x-wns-type": "wns/raw",
      "content-type": "application/octet-stream",
      "content-length": body.length,
      "x-wns-requestforstatus": "true",
    };
    if (notification.ttlSeconds !== undefined) {
      if (notification.ttlSeconds <= 0) headers["x-wns-cache-policy"] = "no-cache";
      else headers["x-wns-ttl"] = Math.floor(notification.ttlSeconds);
    }
    let renewedAfterRefusal = false;
    return sendWithRetries(
      async () => {
        const outcome = await this.attempt(channel, headers, body);
        if (outcome !== "unauthorized") return outcome;
        // 401 means the access token expired or was revoked: one fresh token, then it is the credentials.
        if (renewedAfterRefusal)
          return {
            kind: "final",
            result: {
              status: "failed",
              reason: "HTTP 401",
              error: new PushError(
                "credentials_rejected",
                "WNS refused a freshly issued access token (401).",
              ),
            },
          };
        renewedAfterRefusal = true;
        return { kind: "retry", reason: "TokenExpired", retryAfterMs: 0 };
      },
      { policy: this.policy, sleep: this.sleep, random: this.random },
    );
  }

  private async attempt(
    channel: URL,
    headers: Record<string, string | number>,
    body: Buffer,
  ): Promise<AttemptOutcome | "unauthorized"> {
    let token: AccessToken;
    let response;
    try {
      token = await this.accessToken.get();
      response = await this.transport.request(channel, {
        method: "POST",
        headers: { ...headers, authorization: `Bearer ${token.value}` },
        body,
      });
    } catch (error) {
      if (error instanceof PushError && error.code === "credentials_rejected")
        return { kind: "final", result: { status: "failed", reason: "CredentialsRejected", error } };
      return {
        kind: "retry",
        reason: error instanceof PushError && error.code === "timeout" ? "Timeout" : "ConnectionLost",
      };
    }
    if (response.status === 401) {
      this.accessToken.invalidate(token);
      return "unauthorized";
    }
    return classifyWnsResponse(response, this.clock.now());
  }

  private channelUrl(token: string): URL | undefined {
    let url: URL;
    try {
      url = new URL(token);
    } catch {
      return undefined;
    }
    const host = url.hostname.toLowerCase();
    const allowed = this.allowedHosts.some((pattern) =>
      pattern.startsWith("*.") ? host.endsWith(pattern.slice(1)) : host === pattern,
    );
    return allowed && (url.protocol === "https:" || url.protocol === "http:") ? url : undefined;
  }
}

function closedResult(): PushResult {
  return {
    status: "failed",
    reason: "Closed",
    attempts: 0,
    error: new PushError("closed", "The WNS client was closed."),
  };
}
