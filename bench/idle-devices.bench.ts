/**
 * Memory per connected, idle device: a relay and a server started as separate processes (as in
 * production), N simulated Android devices activated through the relay in several worker processes
 * (a process may hold at most 20,000 open files), each then holding its connection open, waiting for
 * commands. Reports the relay's and the server's resident memory per device, then sends Lock to every
 * device in one bulk call and times until all have acknowledged it: proof that they are connected.
 *
 *   node --import tsx bench/idle-devices.bench.ts [--devices N] [--workers W] [--concurrency C] [--write | --no-write]
 */
import { spawn, type ChildProcess } from "node:child_process";
import { execFile } from "node:child_process";
import { rmSync } from "node:fs";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import { parseArgs, promisify } from "node:util";
import { stopChild } from "./lib/child.js";
import { describeMachine, machineLine } from "./lib/machine.js";
import {
  benchLogPath,
  createAccounts,
  residentBytes,
  startRelayProcess,
  startServerProcess,
  type RelayProcess,
  type ServerProcess,
} from "./lib/meridian-processes.js";
import { writeResults } from "./lib/report.js";
import { markdownTable } from "./lib/stats.js";

const { values } = parseArgs({
  options: {
    devices: { type: "string", default: "10000" },
    workers: { type: "string", default: "4" },
    concurrency: { type: "string", default: "3" },
    write: { type: "boolean", default: false },
    "no-write": { type: "boolean", default: false },
  },
});
const devices = Number(values.devices);
const workerCount = Number(values.workers);
const concurrency = Number(values.concurrency);
const WORKER = fileURLToPath(new URL("./lib/idle-worker.ts", import.meta.url));
const PER_USER = 100;
const WAIT_SECONDS = 55;
const MiB = 1024 * 1024;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface Worker {
  child: ChildProcess;
  progress: number;
  ready?: { activated: number; failed: number; lastError?: string };
  report?: { rss: number; executed: number };
}

function startWorker(relay: RelayProcess, accounts: Awaited<ReturnType<typeof createAccounts>>): Worker {
  const child = spawn(
    process.execPath,
    [
      "--import",
      "tsx",
      WORKER,
      JSON.stringify({
        relay: { edge: relay.edge, host: relay.host, caFingerprint: relay.caFingerprint },
        accounts,
        concurrency,
        waitSeconds: WAIT_SECONDS,
      }),
    ],
    { stdio: ["pipe", "pipe", "inherit"] },
  );
  const worker: Worker = { child, progress: 0 };
  createInterface({ input: child.stdout! }).on("line", (line) => {
    const message = JSON.parse(line) as Record<string, unknown>;
    if (typeof message.progress === "number") worker.progress = message.progress;
    if (message.ready) worker.ready = message as unknown as Worker["ready"];
    if (message.report) worker.report = message as unknown as Worker["report"];
  });
  return worker;
}

async function askReports(workers: Worker[]) {
  for (const w of workers) {
    w.report = undefined;
    w.child.stdin!.write("report\n");
  }
  while (workers.some((w) => !w.report)) await sleep(50);
  return workers.map((w) => w.report!);
}

const machine = await describeMachine();
let relay: RelayProcess | undefined;
let server: ServerProcess | undefined;
const workers: Worker[] = [];
try {
  relay = await startRelayProcess(devices * 2);
  server = await startServerProcess(relay, process.env.MERIDIAN_BENCH_SERVER_FLAGS?.split(" ") ?? []);
  const accounts = await createAccounts(server, devices, PER_USER);
  await sleep(1000); // the relay learns of the activations
  const before = { relay: residentBytes(relay.child.pid!), server: residentBytes(server.child.pid!) };

  const started = performance.now();
  for (let w = 0; w < workerCount; w++)
    workers.push(
      startWorker(
        relay,
        accounts.filter((_, i) => i % workerCount === w),
      ),
    );
  while (workers.some((w) => !w.ready)) {
    if (workers.some((w) => w.child.exitCode !== null)) throw new Error("A device worker ended early.");
    const done = workers.reduce((n, w) => n + (w.ready?.activated ?? w.progress), 0);
    const elapsed = (performance.now() - started) / 1000;
    process.stderr.write(
      `\r  activating: ${done}/${devices} devices, ${elapsed.toFixed(0)} s, ${(done / Math.max(elapsed, 1)).toFixed(0)}/s   `,
    );
    await sleep(1000);
  }
  process.stderr.write("\n");
  const activated = workers.reduce((n, w) => n + w.ready!.activated, 0);
  const failed = workers.reduce((n, w) => n + w.ready!.failed, 0);
  const activationSeconds = (performance.now() - started) / 1000;
  if (failed)
    process.stderr.write(
      `  ${failed} failed; last error: ${workers.find((w) => w.ready!.lastError)?.ready!.lastError}\n`,
    );

  // Let the activation burst settle: every device has started its first long poll (they start
  // spread over one wait), and the processes have collected their garbage.
  await sleep((WAIT_SECONDS + 10) * 1000);
  const idle = { relay: residentBytes(relay.child.pid!), server: residentBytes(server.child.pid!) };
  process.stderr.write(
    `  ${await server.gauge("meridian_server_long_polls")} devices waiting on a long poll before the send\n`,
  );
  const deviceRss = (await askReports(workers)).reduce((n, r) => n + r.rss, 0);

  const sent = performance.now();
  const { batchId } = await server.call<{ batchId: string }>("POST", "/api/v1/commands", {
    type: "lock",
    filter: {},
  });
  let progress = { total: 0, states: {} as Record<string, number> };
  for (;;) {
    progress = await server.call("GET", `/api/v1/commands/batches/${batchId}`);
    if ((progress.states.acknowledged ?? 0) >= activated) break;
    if (performance.now() - sent > 180_000) break;
    const longPolls = await server.gauge("meridian_server_long_polls").catch(() => undefined);
    process.stderr.write(
      `\r  lock: ${((performance.now() - sent) / 1000).toFixed(0)} s, ${JSON.stringify(progress.states)}, ${longPolls} devices waiting on a long poll   `,
    );
    await sleep(250);
  }
  process.stderr.write("\n");
  const lockSeconds = (performance.now() - sent) / 1000;
  const acknowledged = progress.states.acknowledged ?? 0;
  const executed = (await askReports(workers)).reduce((n, r) => n + r.executed, 0);

  const perDevice = (after: number, base: number) => ((after - base) / activated / 1024).toFixed(1);
  const table = markdownTable(
    ["Process", "RSS before devices (MiB)", "RSS with devices idle (MiB)", "Per device (KiB)"],
    [
      [
        "Relay",
        (before.relay / MiB).toFixed(0),
        (idle.relay / MiB).toFixed(0),
        perDevice(idle.relay, before.relay),
      ],
      [
        "Server",
        (before.server / MiB).toFixed(0),
        (idle.server / MiB).toFixed(0),
        perDevice(idle.server, before.server),
      ],
      [
        "Simulated devices (all workers)",
        "",
        (deviceRss / MiB).toFixed(0),
        (deviceRss / activated / 1024).toFixed(1),
      ],
    ],
  );
  const summary = [
    `${activated} devices activated through the relay in ${activationSeconds.toFixed(0)} s (${failed} failed), ` +
      `in ${workerCount} worker processes, each device then waiting on a ${WAIT_SECONDS} s long poll.`,
    `Lock sent to all of them in one bulk call: ${acknowledged} of ${activated} acknowledged after ${lockSeconds.toFixed(1)} s ` +
      `(commands by state: ${JSON.stringify(progress.states)}; the devices had carried out ${executed}).`,
  ].join("\n");
  process.stdout.write(`\n${table}\n\n${summary}\n`);
  process.stderr.write(`  logs: ${benchLogPath("relay")}, ${benchLogPath("server")}\n`);
  if (values.write || (!values["no-write"] && devices >= 10_000)) {
    writeResults(
      "idle-devices",
      [
        `Measured ${new Date().toISOString().slice(0, 10)} on ${machineLine(machine)}.`,
        "",
        table,
        "",
        summary,
      ].join("\n"),
    );
    await promisify(execFile)("npx", ["prettier", "--write", "docs/benchmarks.md"]).catch(() => undefined);
  }
} finally {
  for (const w of workers) w.child.stdin!.end("stop\n");
  await Promise.all(workers.map((w) => stopChild(w.child, 10_000)));
  if (server) await stopChild(server.child);
  if (relay) await stopChild(relay.child);
  for (const dir of [server?.dataDir, relay?.dataDir]) if (dir) rmSync(dir, { recursive: true, force: true });
}
