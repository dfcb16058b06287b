import { ApnsEmulator } from "./apns/apns-emulator.js";
import { FcmEmulator } from "./fcm/fcm-emulator.js";
import { WnsEmulator } from "./wns/wns-emulator.js";

export type EmulatorKind = "apns" | "fcm" | "wns";

export interface RunEmulatorOptions {
  port?: number;
  host?: string;
  /** APNs: the topic its demo device registers for. FCM: the project ID. */
  topic?: string;
  /** FCM and WNS: serve HTTPS with a local CA instead of plain HTTP. */
  tls?: boolean;
  /** Where the URL and credentials go; standard output by default. */
  print?: (text: string) => void;
}

export interface RunningEmulator {
  kind: EmulatorKind;
  url: string;
  /** Everything a client needs to reach this emulator, as printed. */
  credentials: Record<string, unknown>;
  emulator: ApnsEmulator | FcmEmulator | WnsEmulator;
  close(): Promise<void>;
}

/**
 * Starts one emulator with a fresh credential and a demo device, and prints what a Meridian relay
 * (or any client) needs to use it: `meridian emulate apns|fcm|wns`.
 */
export async function runEmulator(
  kind: EmulatorKind,
  options: RunEmulatorOptions = {},
): Promise<RunningEmulator> {
  const print = options.print ?? ((text: string) => process.stdout.write(`${text}\n`));
  const listen = { port: options.port ?? 0, host: options.host ?? "127.0.0.1" };
  let running: RunningEmulator;
  if (kind === "apns") {
    const emulator = await ApnsEmulator.start(listen);
    const topic = options.topic ?? "com.example.meridian";
    const key = emulator.createSigningKey();
    const credentials = { ...key, topic, deviceToken: emulator.registerDevice(topic), ca: emulator.ca };
    running = { kind, url: emulator.url, credentials, emulator, close: () => emulator.close() };
  } else if (kind === "fcm") {
    const emulator = await FcmEmulator.start({ ...listen, tls: options.tls ?? false });
    const projectId = options.topic ?? "meridian-emulated";
    const serviceAccount = emulator.createServiceAccount(projectId);
    const credentials = {
      serviceAccount,
      registrationToken: emulator.registerDevice(projectId),
      ca: emulator.ca,
    };
    running = { kind, url: emulator.url, credentials, emulator, close: () => emulator.close() };
  } else if (kind === "wns") {
    const emulator = await WnsEmulator.start({ ...listen, tls: options.tls ?? false });
    const app = emulator.createApp();
    const credentials = {
      ...app,
      tokenUrl: emulator.tokenUrl,
      channelUri: emulator.createChannel(app.clientId),
      ca: emulator.ca,
    };
    running = { kind, url: emulator.url, credentials, emulator, close: () => emulator.close() };
  } else {
    throw new Error(`Unknown emulator "${String(kind)}": choose apns, fcm or wns.`);
  }
  print(`${kind.toUpperCase()} emulator listening at ${running.url}`);
  print(JSON.stringify(running.credentials, null, 2));
  return running;
}
