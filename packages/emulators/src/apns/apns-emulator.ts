import { randomUUID } from "node:crypto";
import { once } from "node:events";
import {
  constants,
  createSecureServer,
  type Http2SecureServer,
  type Http2Session,
  type IncomingHttpHeaders,
  type ServerHttp2Session,
  type ServerHttp2Stream,
} from "node:http2";
import type { AddressInfo } from "node:net";
import type { TLSSocket } from "node:tls";
import { systemClock, type Clock } from "../clock.js";
import { DeliveryHub } from "../delivery-hub.js";
import { delay, Faults } from "../faults.js";
import { createLocalTlsIdentity, type TlsIdentity } from "../tls/local-ca.js";
import { checkNotificationHeaders, payloadLimit } from "./apns-request-checks.js";
import { certificateAuth, type CertificateAuth } from "./client-certificate.js";
import { DEVICE_API_PREFIX, handleDeviceApi, type DeviceApiBackend } from "./device-api.js";
import { DeviceConnections } from "./device-connections.js";
import { DeviceRegistry } from "./device-registry.js";
import { ProviderTokenVerifier, type IssuedSigningKey, type SigningKey } from "./provider-token-verifier.js";

export interface ApnsEmulatorOptions {
  port?: number;
  host?: string;
  /** The server's TLS identity; a fresh local CA and certificate when absent. */
  tls?: TlsIdentity;
  /** Which APNs this pretends to be, for BadCertificateEnvironment. */
  environment?: "production" | "sandbox";
  /** SETTINGS_MAX_CONCURRENT_STREAMS once a connection has authenticated. Apple has been seen to send 500. */
  maxConcurrentStreams?: number;
  /** Apple allows one stream on a token-authenticated connection until a request with a valid token. */
  oneStreamUntilAuthenticated?: boolean;
  /** CAs (or self-signed certificates) whose provider certificates are accepted. */
  trustedClientCertificates?: string[];
  /** Accept pushes to well-formed tokens never registered (load tests). */
  acceptUnknownDevices?: boolean;
  clock?: Clock;
  random?: () => number;
  tokenLimits?: { maxAgeMs: number; minUpdateIntervalMs: number };
}

export interface ApnsDelivery {
  token: string;
  topic: string;
  pushType: string;
  priority: string;
  id: string;
  expiration?: string;
  collapseId?: string;
  /** The JSON payload exactly as sent. */
  payload: string;
}

interface SessionState {
  auth: CertificateAuth;
  streamsRaised: boolean;
}

/**
 * A local APNs provider API: HTTP/2 over TLS, provider-token and certificate authentication,
 * Apple's status codes and reasons, a device-token registry, and injectable faults.
 */
export class ApnsEmulator {
  readonly url: string;
  /** The PEM a client must trust to reach `url`. */
  readonly ca: string;
  readonly faults: Faults;
  readonly deliveries = new DeliveryHub<ApnsDelivery>();
  /** `requests` counts provider requests; calls to the device-facing API are `deviceRequests`. */
  readonly stats = {
    requests: 0,
    delivered: 0,
    sessions: 0,
    deviceRequests: 0,
    rejected: {} as Record<string, number>,
  };
  private readonly sessions = new Map<Http2Session, SessionState>();
  private readonly tokens: ProviderTokenVerifier;
  private readonly devices: DeviceRegistry;
  private readonly connections: DeviceConnections;
  private readonly deviceApi: DeviceApiBackend;
  private readonly clock: Clock;
  private readonly environment: "production" | "sandbox";
  private readonly restrictUnauthenticated: boolean;
  private maxStreams: number;

  private constructor(
    private readonly server: Http2SecureServer,
    url: string,
    ca: string,
    options: ApnsEmulatorOptions,
  ) {
    this.url = url;
    this.ca = ca;
    this.clock = options.clock ?? systemClock;
    this.faults = new Faults(options.random);
    this.tokens = new ProviderTokenVerifier(this.clock, options.tokenLimits);
    const acceptUnknown = options.acceptUnknownDevices ?? false;
    this.devices = new DeviceRegistry(acceptUnknown);
    this.connections = new DeviceConnections(
      this.deliveries,
      (token) => this.devices.knows(token),
      this.clock,
    );
    this.deviceApi = {
      register: (topic) => this.devices.register(topic),
      isKnown: (token) => acceptUnknown || this.devices.knows(token),
      connect: (tokens, listener) => this.connections.connect(tokens, listener),
    };
    this.environment = options.environment ?? "production";
    this.maxStreams = options.maxConcurrentStreams ?? 500;
    this.restrictUnauthenticated = options.oneStreamUntilAuthenticated ?? true;
    server.on("session", (session: ServerHttp2Session) => this.onSession(session));
    server.on("stream", (stream: ServerHttp2Stream, headers: IncomingHttpHeaders) =>
      this.onStream(stream, headers),
    );
  }

  static async start(options: ApnsEmulatorOptions = {}): Promise<ApnsEmulator> {
    const identity = options.tls ?? createLocalTlsIdentity();
    const restrict = options.oneStreamUntilAuthenticated ?? true;
    const server = createSecureServer({
      key: identity.key,
      cert: identity.cert,
      requestCert: true,
      // Certificate problems are APNs answers (403 BadCertificate), not TLS failures.
      rejectUnauthorized: false,
      ...(options.trustedClientCertificates?.length ? { ca: options.trustedClientCertificates } : {}),
      settings: { maxConcurrentStreams: restrict ? 1 : (options.maxConcurrentStreams ?? 500) },
    });
    server.listen(options.port ?? 0, options.host ?? "127.0.0.1");
    await once(server, "listening");
    const { port, address } = server.address() as AddressInfo;
    const host = address.includes(":") ? `[${address}]` : address;
    return new ApnsEmulator(server, `https://${host}:${port}`, identity.ca, options);
  }

  /** A new device token for `topic` (the app's bundle ID, or the MDM push topic). */
  registerDevice(topic: string, token?: string): string {
    return this.devices.register(topic, token);
  }

  /**
   * Connects devices as their persistent connection to Apple would: `listener` gets each notification
   * to any of `tokens`, first the one each may have pending (APNs keeps the latest per offline
   * device). Returns the disconnect function. Subscribing to `deliveries` directly skips the pending.
   */
  connectDevices(tokens: Iterable<string>, listener: (delivery: ApnsDelivery) => void): () => void {
    return this.connections.connect(tokens, listener);
  }

  /** Devices with a notification waiting for them to connect. */
  get pendingNotifications(): number {
    return this.connections.pendingCount;
  }

  /** Pushes to `token` get 410 Unregistered with `at` as the timestamp. */
  unregisterDevice(token: string, at: Date = new Date(this.clock.now())): void {
    this.devices.unregister(token, at.getTime());
  }

  /** A new .p8 signing key, registered: give its fields to the client's token credentials. */
  createSigningKey(teamId?: string, keyId?: string): IssuedSigningKey {
    return this.tokens.issue(teamId, keyId);
  }

  registerSigningKey(key: SigningKey): void {
    this.tokens.register(key);
  }

  /** Changes SETTINGS_MAX_CONCURRENT_STREAMS on every authenticated connection, as APNs does under load. */
  setMaxConcurrentStreams(limit: number): void {
    this.maxStreams = limit;
    for (const [session, state] of this.sessions)
      if (state.streamsRaised && !session.destroyed) session.settings({ maxConcurrentStreams: limit });
  }

  /** GOAWAY on every connection: requests already taken are answered, new ones must use a new connection. */
  goAway(reason = "Shutdown"): void {
    for (const session of this.sessions.keys()) {
      if (session.destroyed || session.closed) continue;
      session.goaway(constants.NGHTTP2_NO_ERROR, undefined, Buffer.from(JSON.stringify({ reason })));
      session.close();
    }
  }

  /** Cuts every connection without a word. */
  dropConnections(): void {
    for (const session of this.sessions.keys()) session.destroy();
  }

  get connectionCount(): number {
    return this.sessions.size;
  }

  async close(): Promise<void> {
    const closed = once(this.server, "close");
    this.server.close();
    for (const session of this.sessions.keys()) session.destroy();
    await closed;
  }

  private onSession(session: ServerHttp2Session): void {
    this.stats.sessions++;
    session.on("error", () => {});
    const auth = certificateAuth(session.socket as TLSSocket, this.environment);
    const state: SessionState = { auth, streamsRaised: !this.restrictUnauthenticated };
    this.sessions.set(session, state);
    session.on("close", () => this.sessions.delete(session));
    if (auth.kind === "certificate" && this.restrictUnauthenticated) this.raiseStreams(session, state);
  }

  private raiseStreams(session: Http2Session, state: SessionState): void {
    state.streamsRaised = true;
    if (!session.destroyed) session.settings({ maxConcurrentStreams: this.maxStreams });
  }

  private onStream(stream: ServerHttp2Stream, headers: IncomingHttpHeaders): void {
    if (String(headers[":path"] ?? "").startsWith(DEVICE_API_PREFIX)) {
      this.stats.deviceRequests++;
      return handleDeviceApi(stream, headers, this.deviceApi);
    }
    this.stats.requests++;
    const chunks: Buffer[] = [];
    let size = 0;
    stream.on("error", () => {});
    stream.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size <= 8192) chunks.push(chunk);
    });
    stream.on("end", () => this.answer(stream, headers, size, chunks));
  }

  private answer(
    stream: ServerHttp2Stream,
    headers: IncomingHttpHeaders,
    size: number,
    chunks: Buffer[],
  ): void {
    const id = typeof headers["apns-id"] === "string" ? headers["apns-id"] : randomUUID();
    const fail = (status: number, reason: string, extra: Record<string, unknown> = {}) =>
      this.respond(stream, id, status, reason, extra);
    if (headers[":method"] !== "POST") return fail(405, "MethodNotAllowed");
    const path = String(headers[":path"] ?? "");
    if (!path.startsWith("/3/device/")) return fail(404, "BadPath");
    const session = stream.session;
    const state = session && this.sessions.get(session);
    if (!session || !state) return;

    let topic = headers["apns-topic"] as string | undefined;
    if (state.auth.kind === "refused") return fail(403, state.auth.reason);
    if (state.auth.kind === "certificate") {
      if (topic === undefined) topic = state.auth.topic;
      else if (topic !== state.auth.topic) return fail(400, "TopicDisallowed");
    } else {
      const verdict = this.tokens.check(headers.authorization);
      if (!verdict.ok) return fail(verdict.status, verdict.reason);
      if (!state.streamsRaised) this.raiseStreams(session, state);
      if (!topic) return fail(400, "MissingTopic");
    }

    const deviceToken = path.slice("/3/device/".length);
    const invalid = checkNotificationHeaders(headers, deviceToken);
    if (invalid) return fail(invalid.status, invalid.reason);
    const pushType = (headers["apns-push-type"] as string | undefined) ?? "alert";
    if (size === 0) return fail(400, "PayloadEmpty");
    if (size > payloadLimit(pushType)) return fail(413, "PayloadTooLarge");
    const device = this.devices.lookup(deviceToken, topic);
    if (!device.ok)
      return device.status === 410
        ? fail(410, device.reason, { timestamp: device.timestamp })
        : fail(device.status, device.reason);

    const fault = this.faults.take();
    if (fault?.kind === "drop") return void session.destroy();
    if (fault?.kind === "goaway") {
      // Refuse this stream and everything after it; streams before it may finish.
      session.goaway(
        constants.NGHTTP2_NO_ERROR,
        Math.max(0, (stream.id ?? 1) - 2),
        Buffer.from(JSON.stringify({ reason: "Shutdown" })),
      );
      stream.close(constants.NGHTTP2_REFUSED_STREAM);
      session.close();
      return;
    }
    if (fault?.kind === "error") {
      const retryAfter = fault.error.retryAfterSeconds;
      return this.respond(stream, id, fault.error.status, fault.error.reason, {}, retryAfter);
    }

    this.stats.delivered++;
    const delivery: ApnsDelivery = {
      token: deviceToken.toLowerCase(),
      topic,
      pushType,
      priority: (headers["apns-priority"] as string | undefined) ?? "10",
      id,
      payload: Buffer.concat(chunks).toString("utf8"),
    };
    if (headers["apns-expiration"] !== undefined) delivery.expiration = String(headers["apns-expiration"]);
    if (headers["apns-collapse-id"] !== undefined) delivery.collapseId = String(headers["apns-collapse-id"]);
    this.connections.deliver(delivery);
    this.respond(stream, id, 200);
  }

  private respond(
    stream: ServerHttp2Stream,
    id: string,
    status: number,
    reason?: string,
    extra: Record<string, unknown> = {},
    retryAfterSeconds?: number,
  ): void {
    if (reason) this.stats.rejected[reason] = (this.stats.rejected[reason] ?? 0) + 1;
    const send = () => {
      if (stream.destroyed || stream.closed) return;
      if (status === 200) return stream.respond({ ":status": 200, "apns-id": id }, { endStream: true });
      const headers: Record<string, string | number> = {
        ":status": status,
        "apns-id": id,
        "content-type": "application/json; charset=utf-8",
      };
      if (retryAfterSeconds !== undefined) headers["retry-after"] = retryAfterSeconds;
      stream.respond(headers);
      stream.end(JSON.stringify({ reason, ...extra }));
    };
    const waiting = delay(this.faults.latencyMs);
    if (waiting) void waiting.then(send);
    else send();
  }
}

export const startApnsEmulator = (options?: ApnsEmulatorOptions) => ApnsEmulator.start(options);
