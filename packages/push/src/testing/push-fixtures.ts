import { randomBytes } from "node:crypto";
import { ApnsEmulator, FcmEmulator, WnsEmulator, type Faults, type InjectedError } from "@meridian/emulators";
import { Registry } from "prom-client";
import { ApnsClient } from "../apns/apns-client.js";
import { FcmClient } from "../fcm/fcm-client.js";
import type { PushClient } from "../push-client.js";
import { WnsClient } from "../wns/wns-client.js";
import { fakeTime } from "./fake-time.js";
import { makeProviderCertificate } from "./provider-certificate.js";

/** One client paired with its emulator, seen through what every push service has in common. */
export interface PushFixture {
  client: PushClient;
  registry: Registry;
  /** What the client waited between attempts, in ms. */
  sleeps: number[];
  faults: Faults;
  newDevice(): string;
  /** A well-formed token the service never issued. */
  strangerToken(): string;
  unregister(token: string, at: Date): void;
  /** The data of the next notification `token` receives. */
  nextData(token: string): Promise<Record<string, string>>;
  dropConnections(): void;
  errors: { throttled: InjectedError; unavailable: InjectedError; internal: InjectedError };
  reasons: { stranger: string; unregistered: string };
  /** Whether the service says since when a token is unregistered (APNs does). */
  reportsInvalidSince: boolean;
  close(): Promise<void>;
}

export interface FixtureCase {
  name: string;
  start(): Promise<PushFixture>;
}

const TOPIC = "com.example.meridian.agent";
const retry = { maxAttempts: 3, baseDelayMs: 100, maxDelayMs: 1_000, maxRetryAfterMs: 10_000 };

function common(time: ReturnType<typeof fakeTime>) {
  return { registry: new Registry(), sleep: time.sleep, retry, random: () => 0.5 };
}

async function apnsFixture(auth: "token" | "certificate"): Promise<PushFixture> {
  const time = fakeTime(Date.now());
  const topic = auth === "token" ? TOPIC : `com.apple.mgmt.External.${randomBytes(8).toString("hex")}`;
  const certificate = auth === "certificate" ? makeProviderCertificate(topic) : undefined;
  const emulator = await ApnsEmulator.start({
    trustedClientCertificates: certificate ? [certificate.cert] : [],
  });
  const options = common(time);
  const client = new ApnsClient({
    credentials: certificate ? { certificate } : { token: emulator.createSigningKey() },
    ...(auth === "token" ? { topic } : {}),
    baseUrl: emulator.url,
    ca: emulator.ca,
    ...options,
  });
  return {
    client,
    registry: options.registry,
    sleeps: time.sleeps,
    faults: emulator.faults,
    newDevice: () => emulator.registerDevice(topic),
    strangerToken: () => randomBytes(32).toString("hex"),
    unregister: (token, at) => emulator.unregisterDevice(token, at),
    nextData: async (token) => {
      const delivery = await emulator.deliveries.next(token);
      const { aps: _aps, ...data } = JSON.parse(delivery.payload) as Record<string, string>;
      return data;
    },
    dropConnections: () => emulator.dropConnections(),
    errors: {
      throttled: { status: 429, reason: "TooManyRequests" },
      unavailable: { status: 503, reason: "ServiceUnavailable" },
      internal: { status: 500, reason: "InternalServerError" },
    },
    reasons: { stranger: "BadDeviceToken", unregistered: "Unregistered" },
    reportsInvalidSince: true,
    close: async () => {
      await client.close();
      await emulator.close();
    },
  };
}

async function fcmFixture(): Promise<PushFixture> {
  const time = fakeTime(Date.now());
  const emulator = await FcmEmulator.start({ tls: true });
  const serviceAccount = emulator.createServiceAccount("meridian-contract");
  const options = common(time);
  const client = new FcmClient({ serviceAccount, baseUrl: emulator.url, ca: emulator.ca, ...options });
  return {
    client,
    registry: options.registry,
    sleeps: time.sleeps,
    faults: emulator.faults,
    newDevice: () => emulator.registerDevice("meridian-contract"),
    strangerToken: () =>
      `${randomBytes(16).toString("base64url")}:APA91b${randomBytes(102).toString("base64url")}`,
    unregister: (token) => emulator.unregisterDevice(token),
    nextData: async (token) => (await emulator.deliveries.next(token)).data,
    dropConnections: () => emulator.dropConnections(),
    errors: {
      throttled: { status: 429, reason: "QUOTA_EXCEEDED" },
      unavailable: { status: 503, reason: "UNAVAILABLE" },
      internal: { status: 500, reason: "INTERNAL" },
    },
    reasons: { stranger: "INVALID_ARGUMENT", unregistered: "UNREGISTERED" },
    reportsInvalidSince: false,
    close: async () => {
      await client.close();
      await emulator.close();
    },
  };
}

async function wnsFixture(): Promise<PushFixture> {
  const time = fakeTime(Date.now());
  const emulator = await WnsEmulator.start();
  const app = emulator.createApp();
  const options = common(time);
  const client = new WnsClient({
    credentials: app,
    tokenUrl: emulator.tokenUrl,
    allowedChannelHosts: ["127.0.0.1"],
    ...options,
  });
  return {
    client,
    registry: options.registry,
    sleeps: time.sleeps,
    faults: emulator.faults,
    newDevice: () => emulator.createChannel(app.clientId),
    strangerToken: () => `${emulator.url}/?token=${randomBytes(48).toString("base64url")}`,
    unregister: (token) => emulator.expireChannel(token),
    nextData: async (token) =>
      JSON.parse((await emulator.deliveries.next(token)).body.toString("utf8")) as Record<string, string>,
    dropConnections: () => emulator.dropConnections(),
    errors: {
      throttled: { status: 406, reason: "Throttled" },
      unavailable: { status: 503, reason: "Unavailable" },
      internal: { status: 500, reason: "Internal" },
    },
    reasons: { stranger: "ChannelInvalid", unregistered: "ChannelExpired" },
    reportsInvalidSince: false,
    close: async () => {
      await client.close();
      await emulator.close();
    },
  };
}

export const PUSH_FIXTURES: FixtureCase[] = [
  { name: "APNs, token authentication", start: () => apnsFixture("token") },
  { name: "APNs, certificate authentication", start: () => apnsFixture("certificate") },
  { name: "FCM HTTP v1", start: fcmFixture },
  { name: "WNS", start: wnsFixture },
];
