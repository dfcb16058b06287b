/**
 * A configuration profile delivered to, and acknowledged by, a whole fleet of Apple devices: the wall
 * time from one bulk send of install_profile until the server holds every command as acknowledged.
 *
 *   node --import tsx bench/apple-delivery.bench.ts [--devices N] [--workers N] [--concurrency N] [--timeout S] [--write]
 *
 * Every hop is the production one: the relay and one server process (SQLite) run as `meridian`
 * processes; the server pushes through the relay to an APNs emulator in its own process; seeded
 * iPhones in worker processes hear the push on the emulator's delivery stream, check in through the
 * relay edge with signed requests, take the InstallProfile command and acknowledge it. Target
 * (issue 5): 100,000 devices in under 5 minutes. The fleet is seeded into the stopped server's store
 * (bench/lib/apple-fleet-seed.ts), which is reported but not timed.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { encodePlist } from "@meridian/apple-mdm";
import { registerApnsDevices } from "@meridian/emulators";
import { makeProviderCertificate } from "@meridian/push/testing/provider-certificate";
import { startApnsEmulatorProcess } from "./lib/apns-emulator-process.js";
import type { DeliveryWorkerOptions } from "./lib/apple-delivery-worker.js";
import { seedAppleFleet } from "./lib/apple-fleet-seed.js";
import { cpuSeconds, stopChild } from "./lib/child.js";
import { describeMachine, machineLine } from "./lib/machine.js";
import { residentBytes, startRelayProcess, startServerProcess } from "./lib/meridian-processes.js";
import { writeResults } from "./lib/report.js";
import { markdownTable, percentile } from "./lib/stats.js";

const { values: args } = parseArgs({
  options: {
    devices: { type: "string", default: "100000" },
    workers: { type: "string", default: "4" },
    concurrency: { type: "string", default: "64" },
    timeout: { type: "string", default: "1200" },
    write: { type: "boolean" },
  },
});
const deviceCount = Number(args.devices);
const workerCount = Number(args.workers);
const TARGET_SECONDS = 300;
const TOPIC = "com.apple.mgmt.External.bench";
const WORKER = fileURLToPath(new URL("./lib/apple-delivery-worker.ts", import.meta.url));

const PROFILE = encodePlist({
  PayloadType: "Configuration",
  PayloadIdentifier: "com.example.bench.wifi",
  PayloadUUID: "7D4B9E2A-1C3F-4A5B-8E6D-0F1A2B3C4D5E",
  PayloadDisplayName: "Office Wi-Fi",
  PayloadVersion: 1,
  PayloadContent: [
    {
      PayloadType: "com.apple.wifi.managed",
      PayloadIdentifier: "com.example.bench.wifi.network",
      PayloadUUID: "2B8C4D1E-5F6A-4B7C-9D0E-3A1B2C3D4E5F",
      PayloadVersion: 1,
      SSID_STR: "Office",
      EncryptionType: "WPA2",
    },
  ],
});

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const mib = (bytes: number) => `${(bytes / 2 ** 20).toFixed(0)} MiB`;

interface Progress {
  pushes: number;
  checkIns: number;
  acknowledged: number;
  errors: number;
  lastError: string;
  inFlight: number;
  wrongPushMagic: number;
}

interface Worker {
  child: ChildProcess;
  progress: Progress | undefined;
  listening: Promise<void>;
  done: Promise<{ done: Progress; ackTimes: number[] }>;
}

function spawnWorker(options: DeliveryWorkerOptions): Worker {
  const child = spawn(process.execPath, ["--import", "tsx", WORKER, JSON.stringify(options)], {
    stdio: ["pipe", "pipe", "inherit"],
  });
  let onListening!: () => void;
  let onDone!: (message: { done: Progress; ackTimes: number[] }) => void;
  const worker: Worker = {
    child,
    progress: undefined,
    listening: new Promise((resolve) => (onListening = resolve)),
    done: new Promise((resolve) => (onDone = resolve)),
  };
  createInterface({ input: child.stdout! }).on("line", (line) => {
    const message = JSON.parse(line) as Record<string, unknown>;
    if (message.listening) onListening();
    if (message.progress) worker.progress = message.progress as Progress;
    if (message.done) onDone(message as unknown as { done: Progress; ackTimes: number[] });
    if (message.failed) process.stderr.write(`\na device process failed: ${String(message.failed)}\n`);
  });
  return worker;
}

const machine = await describeMachine();
const provider = makeProviderCertificate(TOPIC);
const apns = await startApnsEmulatorProcess(provider.cert);
const relay = await startRelayProcess(deviceCount + 100, [], {
  MERIDIAN_PUSH_APNS_URL: apns.url,
  MERIDIAN_PUSH_CA_FILE: apns.caFile,
});
const children: ChildProcess[] = [apns.child, relay.child];
const workers: Worker[] = [];
// The devices' slices (with the shared identity key): removed after the run, kept by nothing.
const sliceDir = mkdtempSync(join(tmpdir(), "meridian-bench-fleet-"));
try {
  // First start: the tenant, its administrator, its CA and device host, the push certificate, the profile.
  const first = await startServerProcess(relay);
  children.push(first.child);
  await first.call("PUT", "/api/v1/push/credentials/apns", {
    certificate: { cert: provider.cert, key: provider.key },
  });
  const { profile } = await first.call<{ profile: { id: string } }>("POST", "/api/v1/profiles", {
    payloadBase64: PROFILE.toString("base64"),
  });
  const { appleEnrollmentUrl } = await first.call<{ appleEnrollmentUrl: string | null }>(
    "GET",
    "/api/v1/relay",
  );
  if (!appleEnrollmentUrl) throw new Error("The server has no device host at the relay.");
  const deviceHost = new URL(appleEnrollmentUrl).hostname;
  await stopChild(first.child, 30_000);

  process.stdout.write(`seeding ${deviceCount} enrolled iPhones…\n`);
  const seedStarted = performance.now();
  const tokens = await registerApnsDevices(apns.url, apns.ca, TOPIC, deviceCount);
  const tokensMs = performance.now() - seedStarted;
  const fleet = await seedAppleFleet({ dataDir: first.dataDir, topic: TOPIC, tokens });
  const seedMs = performance.now() - seedStarted;
  const t = fleet.timings;
  const seedLine =
    `seeded in ${seconds(seedMs)}: APNs tokens ${seconds(tokensMs)}, identity certificates ${seconds(t.certificatesMs)}, ` +
    `users ${seconds(t.usersMs)}, devices ${seconds(t.devicesMs)}, enrollments, certificates and push tokens ${seconds(t.enrollmentsMs)}`;
  process.stdout.write(`${seedLine}\n`);

  const server = await startServerProcess(
    relay,
    process.env.MERIDIAN_BENCH_SERVER_FLAGS?.split(" ").filter(Boolean) ?? [],
    first.dataDir,
  );
  children.push(server.child);
  const perWorker = Math.ceil(deviceCount / workerCount);
  for (let i = 0; i * perWorker < deviceCount; i++) {
    const devicesFile = join(sliceDir, `devices-${i}.json`);
    writeFileSync(devicesFile, JSON.stringify(fleet.devices.slice(i * perWorker, (i + 1) * perWorker)));
    workers.push(
      spawnWorker({
        edge: relay.edge,
        deviceHost,
        caCertificatePem: fleet.caCertificatePem,
        privateKeyPem: fleet.privateKeyPem,
        devicesFile,
        apns: { url: apns.url, ca: apns.ca },
        concurrency: Number(args.concurrency),
      }),
    );
  }
  children.push(...workers.map((w) => w.child));
  await Promise.all(workers.map((w) => w.listening));
  process.stdout.write(`${workers.length} device processes listening for pushes\n`);

  const pids = { server: server.child.pid!, relay: relay.child.pid! };
  const cpuBefore = {
    server: cpuSeconds(pids.server),
    relay: cpuSeconds(pids.relay),
    apns: cpuSeconds(apns.child.pid!),
  };
  const workerCpuBefore = workers.reduce((sum, w) => sum + cpuSeconds(w.child.pid!), 0);
  const peak = { server: 0, relay: 0, load: 0 };
  const sample = () => {
    peak.server = Math.max(peak.server, residentBytes(pids.server));
    peak.relay = Math.max(peak.relay, residentBytes(pids.relay));
    peak.load = Math.max(peak.load, loadavg()[0]!);
  };
  sample();
  const loadBefore = loadavg()[0]!;

  const sentAt = Date.now();
  const { batchId, queued } = await server.call<{ batchId: string; queued: number }>(
    "POST",
    "/api/v1/commands",
    {
      type: "install_profile",
      payload: { profileId: profile.id },
      filter: { platform: "ios" },
    },
  );
  const enqueuedMs = Date.now() - sentAt;
  if (queued !== deviceCount) throw new Error(`The send queued ${queued} commands, not ${deviceCount}.`);

  const deadline = sentAt + Number(args.timeout) * 1000;
  let acknowledged = 0;
  while (Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 500));
    sample();
    const sum = (key: "pushes" | "acknowledged" | "errors" | "inFlight") =>
      workers.reduce((n, w) => n + (w.progress?.[key] ?? 0), 0);
    acknowledged = sum("acknowledged");
    process.stdout.write(
      `\r${seconds(Date.now() - sentAt)}: ${sum("pushes")} pushes heard, ${acknowledged}/${deviceCount} acknowledged, ` +
        `${sum("inFlight")} in flight, ${sum("errors")} errors; load ${loadavg()[0]!.toFixed(1)}   `,
    );
    if (acknowledged >= deviceCount) break;
  }
  const finishedAt = Date.now();
  process.stdout.write("\n");
  const cpu = {
    server: cpuSeconds(pids.server) - cpuBefore.server,
    relay: cpuSeconds(pids.relay) - cpuBefore.relay,
    apns: cpuSeconds(apns.child.pid!) - cpuBefore.apns,
    devices: workers.reduce((sum, w) => sum + cpuSeconds(w.child.pid!), 0) - workerCpuBefore,
  };

  // The server's own count decides: every command of the send acknowledged there.
  const batch = await server.call<{ total: number; states: Record<string, number> }>(
    "GET",
    `/api/v1/commands/batches/${batchId}`,
  );
  for (const w of workers) w.child.stdin!.write("report\n");
  const reports = await Promise.all(workers.map((w) => w.done));
  const ackTimes = reports.flatMap((r) => r.ackTimes).map((at) => at - sentAt);
  const errors = reports.reduce((n, r) => n + r.done.errors, 0);
  const pushes = reports.reduce((n, r) => n + r.done.pushes, 0);
  const checkIns = reports.reduce((n, r) => n + r.done.checkIns, 0);
  const lastError = reports.find((r) => r.done.lastError)?.done.lastError;
  const serverAcknowledged = batch.states.acknowledged ?? 0;
  const passed = serverAcknowledged === deviceCount;
  // Not Math.max(...ackTimes): spreading several hundred thousand arguments overflows the stack.
  const wallMs = passed ? percentile(ackTimes, 100) : finishedAt - sentAt;

  const table = markdownTable(
    [
      "Devices",
      "Wall time",
      "Acknowledged/s",
      "First ack",
      "50%",
      "99%",
      "Server CPU",
      "Relay CPU",
      "Peak RSS server / relay",
      "Load (1 min) before / peak",
      "Target",
    ],
    [
      [
        String(deviceCount),
        passed ? seconds(wallMs) : `failed: ${JSON.stringify(batch.states)}`,
        (serverAcknowledged / (wallMs / 1000)).toFixed(0),
        seconds(percentile(ackTimes, 0)),
        seconds(percentile(ackTimes, 50)),
        seconds(percentile(ackTimes, 99)),
        `${cpu.server.toFixed(0)} s`,
        `${cpu.relay.toFixed(0)} s`,
        `${mib(peak.server)} / ${mib(peak.relay)}`,
        `${loadBefore.toFixed(1)} / ${peak.load.toFixed(1)}`,
        `${TARGET_SECONDS} s (${passed && wallMs < TARGET_SECONDS * 1000 ? "met" : "missed"})`,
      ],
    ],
  );
  const details =
    `The send itself answered in ${seconds(enqueuedMs)}; the server's count at the end: ${JSON.stringify(batch.states)} of ${batch.total}. ` +
    `CPU during the run: server ${cpu.server.toFixed(1)} s (${((cpu.server * 1000) / Math.max(1, serverAcknowledged)).toFixed(2)} ms per device), ` +
    `relay ${cpu.relay.toFixed(1)} s, APNs emulator ${cpu.apns.toFixed(1)} s, device processes ${cpu.devices.toFixed(1)} s; ` +
    `${pushes} pushes heard (the server's sweep pushes again to devices still waiting after 60 s), ${checkIns} check-ins; ` +
    `${errors} device request errors${lastError ? ` (last: ${lastError})` : ""}.`;
  process.stdout.write(`\n${table}\n\n${details}\n${seedLine}\n`);
  if (!passed) process.exitCode = 1;
  if (args.write)
    writeResults(
      "apple-delivery",
      `${machineLine(machine)}, ${new Date().toISOString().slice(0, 10)}; ${workers.length} device processes ` +
        `of at most ${args.concurrency} requests in flight each. ${details} Not timed: ${seedLine}.\n\n${table}`,
    );
} finally {
  for (const w of workers) w.child.stdin!.write("stop\n");
  for (const child of children.reverse()) child.kill();
  rmSync(sliceDir, { recursive: true, force: true });
}
