import { randomBytes } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { systemClock, type Clock } from "../clock.js";
import { DeliveryHub } from "../delivery-hub.js";
import { delay, Faults } from "../faults.js";
import { listen, readBody, sendJson, type Listening } from "../http/http-server.js";
import type { TlsIdentity } from "../tls/local-ca.js";

export interface WnsEmulatorOptions {
  port?: number;
  host?: string;
  /** HTTPS with a fresh local identity (`true`) or the one given; plain HTTP by default. */
  tls?: boolean | TlsIdentity;
  /** Access token lifetime; WNS says 86400 s. */
  tokenLifetimeSeconds?: number;
  clock?: Clock;
  random?: () => number;
}

export interface WnsApp {
  /** The Package SID. */
  clientId: string;
  clientSecret: string;
}

export interface WnsDelivery {
  /** The channel URI. */
  token: string;
  type: string;
  contentType: string | undefined;
  body: Buffer;
  messageId: string;
}

interface Channel {
  clientId: string;
  connected: boolean;
  expired: boolean;
  /** The raw notification WNS keeps while the device is away: only the latest. */
  cached: WnsDelivery | undefined;
}

const TYPES = new Set(["wns/toast", "wns/tile", "wns/badge", "wns/raw"]);
const MAX_PAYLOAD = 5000;

/** The WNS token endpoint and notification channels, with WNS's status codes and X-WNS-* headers. */
export class WnsEmulator {
  readonly url: string;
  readonly tokenUrl: string;
  readonly ca: string | undefined;
  readonly faults: Faults;
  readonly deliveries = new DeliveryHub<WnsDelivery>();
  readonly stats = { requests: 0, delivered: 0, tokensIssued: 0 };
  private readonly apps = new Map<string, string>();
  private readonly accessTokens = new Map<string, { clientId: string; expiresAt: number }>();
  private readonly channels = new Map<string, Channel>();
  private readonly lifetimeSeconds: number;

  private constructor(
    private readonly listening: Listening,
    private readonly clock: Clock,
    options: WnsEmulatorOptions,
  ) {
    this.url = listening.url;
    this.ca = listening.ca;
    this.tokenUrl = `${listening.url}/accesstoken.srf`;
    this.faults = new Faults(options.random);
    this.lifetimeSeconds = options.tokenLifetimeSeconds ?? 86_400;
  }

  static async start(options: WnsEmulatorOptions = {}): Promise<WnsEmulator> {
    // The server must exist before the emulator that answers on it, so requests find it through a box.
    const box: { emulator?: WnsEmulator } = {};
    const listening = await listen(
      (request, response) => void box.emulator!.handle(request, response),
      options,
    );
    box.emulator = new WnsEmulator(listening, options.clock ?? systemClock, options);
    return box.emulator;
  }

  /** A registered app: its Package SID and secret, as the Partner Center shows them. */
  createApp(): WnsApp {
    const clientId = `ms-app://s-1-15-2-${[...randomBytes(16)].join("-")}`;
    const clientSecret = randomBytes(24).toString("base64url");
    this.apps.set(clientId, clientSecret);
    return { clientId, clientSecret };
  }

  /** A channel URI for one app on one simulated device, as the device's WNS client would be given. */
  createChannel(clientId: string, options: { connected?: boolean } = {}): string {
    const token = randomBytes(48).toString("base64url");
    this.channels.set(token, {
      clientId,
      connected: options.connected ?? true,
      expired: false,
      cached: undefined,
    });
    return `${this.url}/?token=${token}`;
  }

  /** The channel expires: sends to it get 410. */
  expireChannel(channelUri: string): void {
    const channel = this.channelOf(channelUri);
    if (channel) channel.expired = true;
  }

  /** A device coming back online receives the raw notification WNS kept for it. */
  setDeviceConnected(channelUri: string, connected: boolean): void {
    const channel = this.channelOf(channelUri);
    if (!channel) return;
    channel.connected = connected;
    if (connected && channel.cached) {
      const cached = channel.cached;
      channel.cached = undefined;
      this.deliver(cached);
    }
  }

  /** Every access token issued so far stops working, as after a secret is reset. */
  revokeAccessTokens(): void {
    this.accessTokens.clear();
  }

  dropConnections(): void {
    this.listening.dropConnections();
  }

  close(): Promise<void> {
    return this.listening.close();
  }

  private channelOf(channelUri: string): Channel | undefined {
    const token = new URL(channelUri).searchParams.get("token");
    return token ? this.channels.get(token) : undefined;
  }

  private async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    this.stats.requests++;
    const url = new URL(request.url ?? "/", "http://emulator");
    const body = await readBody(request, MAX_PAYLOAD);
    if (url.pathname === "/accesstoken.srf" && request.method === "POST") return this.token(response, body);
    if (url.pathname === "/" && url.searchParams.has("token"))
      return this.notify(request, response, url, body);
    this.answer(response, 404, { "x-wns-error-description": "Unknown path" });
  }

  private token(response: ServerResponse, body: Buffer | undefined): void {
    const form = new URLSearchParams(body?.toString("utf8") ?? "");
    const refuse = (error: string, description: string) =>
      sendJson(response, 400, { error, error_description: description });
    if (form.get("grant_type") !== "client_credentials")
      return refuse("unsupported_grant_type", "Invalid grant_type");
    if (form.get("scope") !== "notify.windows.com") return refuse("invalid_scope", "Invalid scope");
    const clientId = form.get("client_id") ?? "";
    const secret = this.apps.get(clientId);
    if (secret === undefined) return refuse("invalid_client", "Invalid client id");
    if (secret !== form.get("client_secret")) return refuse("invalid_client", "Invalid client secret");
    const accessToken = randomBytes(48).toString("base64url");
    this.accessTokens.set(accessToken, {
      clientId,
      expiresAt: this.clock.now() + this.lifetimeSeconds * 1000,
    });
    this.stats.tokensIssued++;
    sendJson(response, 200, {
      token_type: "bearer",
      access_token: accessToken,
      expires_in: this.lifetimeSeconds,
    });
  }

  private notify(
    request: IncomingMessage,
    response: ServerResponse,
    url: URL,
    body: Buffer | undefined,
  ): void {
    const fail = (status: number, description: string, extra: Record<string, string> = {}) =>
      this.answer(response, status, { "x-wns-error-description": description, ...extra });
    if (request.method !== "POST") return fail(405, "Invalid method");
    const bearer = /^Bearer (.+)$/i.exec(request.headers.authorization ?? "")?.[1];
    const grant = bearer ? this.accessTokens.get(bearer) : undefined;
    if (!grant) return fail(401, "Invalid token", { "www-authenticate": 'Bearer error="invalid_token"' });
    if (grant.expiresAt <= this.clock.now())
      return fail(401, "Token expired", {
        "www-authenticate": 'Bearer error="invalid_token",error_description="Token expired"',
      });
    const channel = this.channels.get(url.searchParams.get("token")!);
    if (!channel) return fail(404, "Invalid channel URI");
    if (channel.clientId !== grant.clientId) return fail(403, "The channel belongs to another application");
    if (channel.expired) return fail(410, "The channel expired");
    const type = request.headers["x-wns-type"];
    if (typeof type !== "string" || !TYPES.has(type))
      return fail(400, "Missing or invalid X-WNS-Type header");
    const contentType = request.headers["content-type"];
    if (type === "wns/raw" && contentType !== "application/octet-stream")
      return fail(400, "Raw notifications need Content-Type: application/octet-stream");
    const cachePolicy = request.headers["x-wns-cache-policy"];
    if (cachePolicy !== undefined && cachePolicy !== "cache" && cachePolicy !== "no-cache")
      return fail(400, "Invalid X-WNS-Cache-Policy header");
    const ttl = request.headers["x-wns-ttl"];
    if (ttl !== undefined && !/^\d+$/.test(String(ttl))) return fail(400, "Invalid X-WNS-TTL header");
    if (!body) return fail(413, "The notification payload exceeds 5000 bytes");

    const fault = this.faults.take();
    if (fault?.kind === "drop" || fault?.kind === "goaway") return void request.socket.destroy();
    if (fault?.kind === "error") {
      const { status, reason, retryAfterSeconds } = fault.error;
      const extra: Record<string, string> =
        status === 406 ? { "x-wns-notificationstatus": "channelthrottled" } : {};
      if (retryAfterSeconds !== undefined) extra["retry-after"] = String(retryAfterSeconds);
      return fail(status, reason, extra);
    }

    const messageId = randomBytes(8).toString("hex").toUpperCase();
    const delivery: WnsDelivery = {
      token: url.href.replace("http://emulator", this.url),
      type,
      contentType,
      body,
      messageId,
    };
    const connection = channel.connected ? "connected" : "disconnected";
    let status = "received";
    if (channel.connected) this.deliver(delivery);
    else if (cachePolicy === "no-cache") status = "dropped";
    else channel.cached = delivery;
    this.answer(response, 200, {
      "x-wns-notificationstatus": status,
      "x-wns-deviceconnectionstatus": connection,
      "x-wns-msg-id": messageId,
      "x-wns-debug-trace": "EMULATOR",
    });
  }

  private deliver(delivery: WnsDelivery): void {
    this.stats.delivered++;
    this.deliveries.deliver(delivery);
  }

  private answer(response: ServerResponse, status: number, headers: Record<string, string>): void {
    const send = () => {
      response.writeHead(status, { "content-length": 0, ...headers });
      response.end();
    };
    const waiting = delay(this.faults.latencyMs);
    if (waiting) void waiting.then(send);
    else send();
  }
}

export const startWnsEmulator = (options?: WnsEmulatorOptions) => WnsEmulator.start(options);
