/**
 * The relay's own push channel at scale: a relay (in a process of its own, as in production) with
 * push-channel worker processes, and N idle devices holding channels, opened from several processes
 * (a process may hold at most 20,000 open files) spread over source addresses in 127.0.0.0/8.
 * Reports the relay's resident memory per channel (summed over its main and worker processes), and
 * the time from asking the relay to wake every device until every device has received its wake-up.
 *
 *   node --import tsx bench/push-channel.bench.ts [--devices N] [--relay-workers W]
 *     [--device-processes P] [--rounds R] [--write | --no-write]
 */
import { spawn, type ChildProcess } from "node:child_process";
import { once } from "node:events";
import { loadavg } from "node:os";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { createCertificateAuthority } from "@meridian/pki";
import { stopChild } from "./lib/child.js";
import { describeMachine, machineLine } from "./lib/machine.js";
import { residentBytes } from "./lib/meridian-processes.js";
import type { FromDevices, ToDevices } from "./lib/push-channel-devices.js";
import type { FromRelay, ToRelay } from "./lib/push-channel-relay.js";
import { writeResults } from "./lib/report.js";
import { markdownTable, percentile } from "./lib/stats.js";

const { values } = parseArgs({
  options: {
    devices: { type: "string", default: "100000" },
    "relay-workers": { type: "string", default: "6" },
    "device-processes": { type: "string", default: "6" },
    rounds: { type: "string", default: "3" },
    write: { type: "boolean", default: false },
    "no-write": { type: "boolean", default: false },
  },
});
const devices = Number(values.devices);
const relayWorkers = Number(values["relay-workers"]);
const deviceProcesses = Number(values["device-processes"]);
const rounds = Number(values.rounds);
const RELAY = fileURLToPath(new URL("./lib/push-channel-relay.ts", import.meta.url));
const DEVICES = fileURLToPath(new URL("./lib/push-channel-devices.ts", import.meta.url));
const KiB = 1024;
const MiB = 1024 * 1024;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const log = (text: string) => process.stdout.write(`${new Date().toISOString().slice(11, 19)} ${text}\n`);
const load = () =>
  loadavg()
    .map((l) => l.toFixed(1))
    .join(" ");

function fork(path: string, env: Record<string, string>): ChildProcess {
  return spawn(process.execPath, ["--import", "tsx", path], {
    env: { ...process.env, ...env },
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
}

/** The next message of a type from a child (or a rejection if it exits first). */
function next<T extends { type: string }>(child: ChildProcess, type: T["type"]): Promise<T> {
  return new Promise((resolve, reject) => {
    const onMessage = (message: T) => {
      if (message.type !== type) return;
      child.off("message", onMessage);
      child.off("exit", onExit);
      resolve(message);
    };
    const onExit = (code: number | null) => reject(new Error(`A benchmark process exited (code ${code}).`));
    child.on("message", onMessage);
    child.once("exit", onExit);
  });
}

const machine = await describeMachine();
const loadAtStart = load();
log(`${machineLine(machine)}; load average ${loadAtStart}`);
const tenant = await createCertificateAuthority({ commonName: "Bench tenant CA", validityDays: 2 });
const relay = fork(RELAY, {
  BENCH_TENANT_CA: tenant.certificatePem,
  BENCH_PUSH_WORKERS: String(relayWorkers),
});
const started = await next<Extract<FromRelay, { type: "started" }>>(relay, "started");
let requestId = 0;
const ask = async <T extends FromRelay>(message: ToRelay, type: T["type"]): Promise<T> => {
  const answer = next<T>(relay, type);
  relay.send(message);
  return answer;
};
const relayResident = async () => {
  const { pids, connected } = await ask<Extract<FromRelay, { type: "counted" }>>(
    { type: "count", id: ++requestId },
    "counted",
  );
  const each = pids.map((pid) => residentBytes(pid));
  return { bytes: each.reduce((sum, bytes) => sum + bytes, 0), each, connected, processes: pids.length };
};
await sleep(2_000);
const idle = await relayResident();
log(
  `relay up with ${relayWorkers} workers: ${(idle.bytes / MiB).toFixed(0)} MiB in ${idle.processes} processes`,
);

const share = Math.ceil(devices / deviceProcesses);
const holders = Array.from({ length: deviceProcesses }, (_, index) =>
  fork(DEVICES, {
    BENCH_DEVICES: String(Math.min(share, devices - index * share)),
    BENCH_PROCESS_INDEX: String(index),
    BENCH_EDGE: started.edge,
    BENCH_RELAY_HOST: started.host,
    BENCH_TENANT_CA: tenant.certificatePem,
    BENCH_TENANT_CA_KEY: tenant.privateKeyPem,
  }),
);
const connectStarted = performance.now();
const connected = await Promise.all(
  holders.map((holder) => next<Extract<FromDevices, { type: "connected" }>>(holder, "connected")),
);
const failed = connected.reduce((sum, c) => sum + c.failed, 0);
const serials = connected.flatMap((c) => c.serials);
log(
  `devices connected in ${((performance.now() - connectStarted) / 1000).toFixed(0)} s (certificates included); ` +
    `${failed} failed${failed ? ` (last: ${connected.find((c) => c.lastError)?.lastError})` : ""}`,
);
let held = await relayResident();
for (let waited = 0; held.connected < serials.length - failed && waited < 60_000; waited += 1_000) {
  await sleep(1_000);
  held = await relayResident();
}
// Let handshake garbage be collected as it would on a relay that has been up a while.
await sleep(10_000);
held = await relayResident();
const perChannel = (held.bytes - idle.bytes) / held.connected;
log(
  `relay holds ${held.connected} channels: ${(held.bytes / MiB).toFixed(0)} MiB, ` +
    `${(perChannel / KiB).toFixed(1)} KiB per channel above idle, ${(held.bytes / held.connected / KiB).toFixed(1)} KiB all told ` +
    `(main, workers: ${held.each.map((bytes, i) => `${((bytes - (idle.each[i] ?? 0)) / MiB).toFixed(0)}`).join(", ")} MiB above idle)`,
);

const wakeTimes: number[] = [];
const relayTimes: number[] = [];
let delivered = 0;
for (let round = 1; round <= rounds; round++) {
  for (const holder of holders) holder.send({ type: "expect", round } satisfies ToDevices);
  await sleep(500);
  const everyone = Promise.all(
    holders.map((holder) => next<Extract<FromDevices, { type: "woken" }>>(holder, "woken")),
  );
  const askedAt = performance.timeOrigin + performance.now();
  const woken = await ask<Extract<FromRelay, { type: "woken" }>>(
    { type: "wake", id: ++requestId, serials },
    "woken",
  );
  const arrivals = await Promise.race([everyone, sleep(120_000).then(() => undefined)]);
  if (!arrivals) {
    const progress = await Promise.all(
      holders.map((holder) => {
        const answer = next<Extract<FromDevices, { type: "progress" }>>(holder, "progress");
        holder.send({ type: "progress" } satisfies ToDevices);
        return answer;
      }),
    );
    const reached = progress.reduce((sum, p) => sum + p.reached, 0);
    const redials = progress.reduce((sum, p) => sum + p.redials, 0);
    throw new Error(
      `Round ${round}: ${reached} of ${serials.length} devices woken within 120 s (the relay wrote ` +
        `${woken.delivered}; devices dialled again ${redials} times).`,
    );
  }
  wakeTimes.push(Math.max(...arrivals.map((a) => a.at)) - askedAt);
  relayTimes.push(woken.ms);
  delivered = woken.delivered;
  log(
    `round ${round}: relay wrote ${woken.delivered} in ${woken.ms.toFixed(0)} ms; all received after ${wakeTimes.at(-1)!.toFixed(0)} ms`,
  );
  await sleep(2_000);
}
const loadAtEnd = load();

const table = markdownTable(
  ["Measure", "Value"],
  [
    ["Channels held (idle)", held.connected.toLocaleString("en")],
    ["Relay processes (main + workers)", `1 + ${relayWorkers}`],
    [
      "Relay RSS, idle / with channels",
      `${(idle.bytes / MiB).toFixed(0)} MiB / ${(held.bytes / MiB).toFixed(0)} MiB`,
    ],
    ["Relay RSS per channel, above idle", `${(perChannel / KiB).toFixed(1)} KiB`],
    ["Relay RSS per channel, all told", `${(held.bytes / held.connected / KiB).toFixed(1)} KiB`],
    [`Wake every device, median of ${rounds}`, `${(percentile(wakeTimes, 50) / 1000).toFixed(2)} s`],
    ["  of which the relay writing them all", `${(percentile(relayTimes, 50) / 1000).toFixed(2)} s`],
    ["Wake-ups delivered per round", delivered.toLocaleString("en")],
  ],
);
const report = [
  `${machineLine(machine)}. Load average ${loadAtStart} at the start, ${loadAtEnd} at the end (the machine is`,
  `shared with other work and noisy). ${devices.toLocaleString("en")} devices from ${deviceProcesses} processes; ` +
    `run ${new Date().toISOString().slice(0, 10)}.`,
  "",
  table,
].join("\n");
process.stdout.write(`\n${report}\n`);
if (values.write || (!values["no-write"] && devices >= 100_000)) writeResults("push-channel", report);

for (const holder of holders) holder.send({ type: "stop" } satisfies ToDevices);
relay.send({ type: "stop" } satisfies ToRelay);
await Promise.all([...holders, relay].map((child) => Promise.race([once(child, "exit"), sleep(10_000)])));
await Promise.all([...holders, relay].map((child) => stopChild(child)));
