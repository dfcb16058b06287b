import { randomBytes } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { systemClock, type Clock } from "../clock.js";
import { DeliveryHub } from "../delivery-hub.js";
import { delay, Faults } from "../faults.js";
import { listen, readBody, sendJson, type Listening } from "../http/http-server.js";
import type { TlsIdentity } from "../tls/local-ca.js";
import { checkMessage } from "./fcm-message-checks.js";
import { googleError } from "./google-error.js";
import { OAuthTokenEndpoint, type ServiceAccountKey } from "./oauth-token-endpoint.js";

export interface FcmEmulatorOptions {
  port?: number;
  host?: string;
  /** HTTPS with a fresh local identity (`true`) or the one given; plain HTTP by default. */
  tls?: boolean | TlsIdentity;
  clock?: Clock;
  random?: () => number;
}

export interface FcmDelivery {
  token: string;
  projectId: string;
  /** messages/… id, as in the response's name. */
  messageId: string;
  data: Record<string, string>;
  android: { priority?: string; ttl?: string; collapse_key?: string } | undefined;
  /** The whole v1 Message as sent. */
  message: Record<string, unknown>;
}

interface Device {
  projectId: string;
  unregistered: boolean;
}

const SEND_PATH = /^\/v1\/projects\/([^/]+)\/messages:send$/;
// Google counts the message, not the request envelope; 4 KB is its limit for token messages.
const MAX_MESSAGE_BYTES = 4096;

/** FCM HTTP v1 and Google's OAuth token endpoint in one local server. */
export class FcmEmulator {
  readonly url: string;
  /** The token_uri service accounts from this emulator point to. */
  readonly tokenUri: string;
  readonly ca: string | undefined;
  readonly faults: Faults;
  readonly deliveries = new DeliveryHub<FcmDelivery>();
  readonly oauth: OAuthTokenEndpoint;
  readonly stats = { requests: 0, delivered: 0 };
  private readonly devices = new Map<string, Device>();

  private constructor(
    private readonly listening: Listening,
    private readonly clock: Clock,
    random: (() => number) | undefined,
  ) {
    this.url = listening.url;
    this.ca = listening.ca;
    this.tokenUri = `${listening.url}/token`;
    this.faults = new Faults(random);
    this.oauth = new OAuthTokenEndpoint(this.tokenUri, clock);
  }

  static async start(options: FcmEmulatorOptions = {}): Promise<FcmEmulator> {
    // The server must exist before the emulator that answers on it, so requests find it through a box.
    const box: { emulator?: FcmEmulator } = {};
    const listening = await listen(
      (request, response) => void box.emulator!.handle(request, response),
      options,
    );
    box.emulator = new FcmEmulator(listening, options.clock ?? systemClock, options.random);
    return box.emulator;
  }

  /** A service account of `projectId` and the key file's JSON, ready for the client. */
  createServiceAccount(projectId = "meridian-emulated"): Record<string, string> {
    return this.oauth.createServiceAccount(projectId);
  }

  registerServiceAccount(account: ServiceAccountKey): void {
    this.oauth.register(account);
  }

  /** A registration token of an app instance in `projectId`, as the FCM SDK would hand the device. */
  registerDevice(projectId: string): string {
    const token = `${randomBytes(16).toString("base64url")}:APA91b${randomBytes(102).toString("base64url")}`;
    this.devices.set(token, { projectId, unregistered: false });
    return token;
  }

  /** From now on, sends to `token` get 404 UNREGISTERED, as after the app is uninstalled. */
  unregisterDevice(token: string): void {
    const device = this.devices.get(token);
    if (device) device.unregistered = true;
  }

  dropConnections(): void {
    this.listening.dropConnections();
  }

  close(): Promise<void> {
    return this.listening.close();
  }

  private async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    this.stats.requests++;
    const path = new URL(request.url ?? "/", "http://emulator").pathname;
    const body = await readBody(request, 64 * 1024);
    if (request.method === "POST" && path === "/token") return this.token(response, body);
    const send = SEND_PATH.exec(path);
    if (!send || request.method !== "POST")
      return sendJson(
        response,
        404,
        googleError(404, `The requested URL ${path} was not found on this server.`),
      );
    return this.send(request, response, decodeURIComponent(send[1]!), body);
  }

  private async token(response: ServerResponse, body: Buffer | undefined): Promise<void> {
    const grant = await this.oauth.grant(new URLSearchParams(body?.toString("utf8") ?? ""));
    if (!grant.ok)
      return sendJson(response, grant.status, { error: grant.error, error_description: grant.description });
    sendJson(response, 200, {
      access_token: grant.accessToken,
      expires_in: grant.expiresIn,
      token_type: "Bearer",
    });
  }

  private async send(
    request: IncomingMessage,
    response: ServerResponse,
    projectId: string,
    body: Buffer | undefined,
  ): Promise<void> {
    const fail = (
      status: number,
      message: string,
      code?: string,
      headers?: Record<string, string | number>,
    ) => this.answer(response, status, googleError(status, message, code), headers);
    const bearer = /^Bearer (.+)$/i.exec(request.headers.authorization ?? "")?.[1];
    const grant = bearer ? this.oauth.lookup(bearer) : undefined;
    if (!grant)
      return fail(
        401,
        "Request had invalid authentication credentials. Expected OAuth 2 access token, login cookie or other valid authentication credential.",
        undefined,
        { "www-authenticate": 'Bearer realm="https://accounts.google.com/", error="invalid_token"' },
      );
    if (grant.projectId !== projectId)
      return fail(
        403,
        `Permission 'cloudmessaging.messages.create' denied on resource '//cloudresourcemanager.googleapis.com/projects/${projectId}' (or it may not exist).`,
      );
    let parsed: { message?: Record<string, unknown>; validate_only?: unknown };
    try {
      parsed = JSON.parse(body?.toString("utf8") ?? "") as typeof parsed;
    } catch {
      return fail(400, "Invalid JSON payload received.", "INVALID_ARGUMENT");
    }
    const invalid = checkMessage(parsed.message);
    if (invalid) return fail(400, invalid, "INVALID_ARGUMENT");
    const message = parsed.message!;
    if (Buffer.byteLength(JSON.stringify(message)) > MAX_MESSAGE_BYTES)
      return fail(400, "Message is too big.", "INVALID_ARGUMENT");
    const token = message.token as string | undefined;
    if (token !== undefined) {
      const device = this.devices.get(token);
      if (!device)
        return fail(400, "The registration token is not a valid FCM registration token", "INVALID_ARGUMENT");
      if (device.unregistered) return fail(404, "Requested entity was not found.", "UNREGISTERED");
      if (device.projectId !== projectId) return fail(403, "SenderId mismatch", "SENDER_ID_MISMATCH");
    }
    const fault = this.faults.take();
    if (fault?.kind === "drop" || fault?.kind === "goaway") return void request.socket.destroy();
    if (fault?.kind === "error") {
      const { status, reason, retryAfterSeconds } = fault.error;
      return fail(
        status,
        `Injected ${reason}.`,
        reason,
        retryAfterSeconds === undefined ? {} : { "retry-after": retryAfterSeconds },
      );
    }
    const messageId = `0:${this.clock.now()}${randomBytes(8).toString("hex")}`;
    if (parsed.validate_only !== true && token !== undefined) {
      this.stats.delivered++;
      this.deliveries.deliver({
        token,
        projectId,
        messageId,
        data: (message.data as Record<string, string> | undefined) ?? {},
        android: message.android as FcmDelivery["android"],
        message,
      });
    }
    this.answer(response, 200, { name: `projects/${projectId}/messages/${messageId}` });
  }

  private answer(
    response: ServerResponse,
    status: number,
    body: unknown,
    headers?: Record<string, string | number>,
  ) {
    const waiting = delay(this.faults.latencyMs);
    if (waiting) void waiting.then(() => sendJson(response, status, body, headers));
    else sendJson(response, status, body, headers);
  }
}

export const startFcmEmulator = (options?: FcmEmulatorOptions) => FcmEmulator.start(options);
