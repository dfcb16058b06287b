/**
 * One process of seeded iPhones for bench/apple-delivery.bench.ts. Listens for its devices' pushes
 * on the APNs emulator's delivery stream; on a push, the device checks in as an iPhone does (a
 * signed Idle report to /mdm/connect through the relay edge), takes its command, answers
 * Acknowledged with the CommandUUID and goes on until the server has nothing more for it.
 *
 *   node --import tsx bench/lib/apple-delivery-worker.ts '<json options>'
 *
 * Prints JSON lines: {"listening"} once the stream is up, {"progress"} every 250 ms, {"done"} with
 * every acknowledgement's time after "report" on standard input. Unlike real devices, which each
 * keep their own connection, the devices of one process share a pool of keep-alive TLS connections
 * (at most `concurrency`, one request in flight on each): the load generator's own footprint stays
 * small beside the server's.
 */
import { readFileSync } from "node:fs";
import { createInterface } from "node:readline";
import { decodePlistDict, encodePlist, type PlistDict } from "@meridian/apple-mdm";
import { listenForPushes } from "@meridian/emulators";
import { prepareCmsSigner, signCms } from "@meridian/pki";
import { pinnedHttpsAgent } from "@meridian/tunnel";
import { exchange } from "../../apps/simulator/src/apple/https-exchange.js";
import type { SeededAppleDevice } from "./apple-fleet-seed.js";

export interface DeliveryWorkerOptions {
  /** The relay's edge (host:port) and the tenant's device host, sent as SNI. */
  edge: string;
  deviceHost: string;
  /** The tenant CA, which the enrollment profile made the devices trust. */
  caCertificatePem: string;
  privateKeyPem: string;
  /** A JSON file holding this process's SeededAppleDevice[]. */
  devicesFile: string;
  apns: { url: string; ca: string };
  concurrency: number;
}

const options = JSON.parse(process.argv[2] ?? "{}") as DeliveryWorkerOptions;
const say = (line: Record<string, unknown>) => process.stdout.write(`${JSON.stringify(line)}\n`);
const devices = JSON.parse(readFileSync(options.devicesFile, "utf8")) as SeededAppleDevice[];
const byToken = new Map(devices.map((device) => [device.token, device]));
const SERVER_PATH = "/mdm/connect";
const MAX_ATTEMPTS = 3;

const agent = pinnedHttpsAgent(
  { address: options.edge, serverName: options.deviceHost },
  { ca: options.caCertificatePem },
  { maxSockets: options.concurrency },
);

const stats = { pushes: 0, wrongPushMagic: 0, checkIns: 0, acknowledged: 0, errors: 0, lastError: "" };
const ackTimes: number[] = [];
/** Devices woken and not yet through their queue; a second push for one of them changes nothing. */
const woken = new Set<SeededAppleDevice>();
const waiting: SeededAppleDevice[] = [];
let running = 0;

async function put(device: SeededAppleDevice, report: PlistDict): Promise<PlistDict | undefined> {
  const body = encodePlist(report);
  const signer = prepareCmsSigner({
    certificatePem: `-----BEGIN CERTIFICATE-----\n${device.certificate}\n-----END CERTIFICATE-----\n`,
    privateKeyPem: options.privateKeyPem,
  });
  const signature = Buffer.from(await signCms(signer, body, "sha256", false)).toString("base64");
  const answer = await exchange(
    agent,
    options.deviceHost,
    "PUT",
    SERVER_PATH,
    { "content-type": "application/x-apple-aspen-mdm", "mdm-signature": signature, "user-agent": "MDM/1.0" },
    body,
  );
  if (answer.status !== 200)
    throw new Error(`PUT ${SERVER_PATH} answered ${answer.status}: ${answer.body.toString().slice(0, 200)}`);
  if (answer.body.length === 0) return undefined;
  const decoded = decodePlistDict(answer.body);
  if (!decoded.ok) throw new Error(`The server sent a command that is not a plist: ${decoded.error.message}`);
  return decoded.value;
}

/** What an iPhone does when woken: Idle, then each command answered until the queue is empty. */
async function checkIn(device: SeededAppleDevice): Promise<void> {
  stats.checkIns++;
  let command = await put(device, { UDID: device.udid, Status: "Idle" });
  while (command) {
    const uuid = String(command.CommandUUID);
    command = await put(device, { UDID: device.udid, Status: "Acknowledged", CommandUUID: uuid });
    stats.acknowledged++;
    ackTimes.push(Date.now());
  }
}

function pump(): void {
  while (running < options.concurrency && waiting.length > 0) {
    const device = waiting.shift()!;
    running++;
    void (async () => {
      for (let attempt = 1; ; attempt++) {
        try {
          await checkIn(device);
          break;
        } catch (error) {
          stats.errors++;
          stats.lastError = (error as Error).message;
          // A real device tries again at its next wake-up; this one soon, a few times.
          if (attempt === MAX_ATTEMPTS) break;
          await new Promise((resolve) => setTimeout(resolve, 1_000 * attempt));
        }
      }
      woken.delete(device);
      running--;
      pump();
    })();
  }
}

const stop = new AbortController();
const listening = listenForPushes(
  options.apns.url,
  options.apns.ca,
  [...byToken.keys()],
  (push) => {
    stats.pushes++;
    const device = byToken.get(push.token);
    if (!device) return;
    const { mdm } = JSON.parse(push.payload) as { mdm?: string };
    // A device ignores a push that does not carry its PushMagic.
    if (mdm !== device.pushMagic) return void stats.wrongPushMagic++;
    if (woken.has(device)) return;
    woken.add(device);
    waiting.push(device);
    pump();
  },
  stop.signal,
  { onConnected: () => say({ listening: true, devices: devices.length }) },
).catch((error: unknown) => {
  say({ failed: (error as Error).message });
  process.exit(1);
});

const progress = setInterval(
  () => say({ progress: { ...stats, inFlight: running, queued: waiting.length } }),
  250,
);

for await (const line of createInterface({ input: process.stdin })) {
  if (line === "report") say({ done: { ...stats }, ackTimes });
  else if (line === "stop") break;
}
clearInterval(progress);
stop.abort();
await listening;
agent.destroy();
process.exit(0);
