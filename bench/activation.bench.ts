/**
 * Activations per second through the relay: `meridian start` (relay and server in one process, as
 * shipped) on a fresh data directory, and simulated devices in separate processes activating end to
 * end — relay lookup, pinned TLS to the server through the relay, SPAKE2+, certificate issuance,
 * hello and inventory. Target: at least 200 devices per second.
 *
 *   node --import tsx bench/activation.bench.ts [--devices N] [--workers W] [--accounts A] [--concurrency C] [--runs R] [--write | --no-write] [--profile DIR]
 *
 * --profile DIR writes a V8 CPU profile of the server process and of each worker into DIR.
 */
import { spawn, execFile } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { availableParallelism } from "node:os";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { promisify } from "node:util";
import { cpuSeconds, freePort, stopChild, waitUntilHealthy } from "./lib/child.js";
import { describeMachine, machineLine } from "./lib/machine.js";
import { writeResults } from "./lib/report.js";
import { markdownTable, summarize } from "./lib/stats.js";

const { values } = parseArgs({
  options: {
    devices: { type: "string", default: "600" },
    workers: { type: "string", default: "2" },
    accounts: { type: "string", default: "24" },
    concurrency: { type: "string", default: "4" },
    runs: { type: "string", default: "3" },
    write: { type: "boolean", default: false },
    "no-write": { type: "boolean", default: false },
    profile: { type: "string" },
  },
});
const devices = Number(values.devices);
const workers = Number(values.workers);
const accounts = Number(values.accounts);
const concurrency = Number(values.concurrency);
const runs = Number(values.runs);
const profileFlags = values.profile ? ["--cpu-prof", `--cpu-prof-dir=${values.profile}`] : [];
const CLI = fileURLToPath(new URL("../apps/cli/bin/meridian.js", import.meta.url));
const WORKER = fileURLToPath(new URL("./lib/activation-worker.ts", import.meta.url));
const ADMIN = { email: "admin@example.com", password: "a long admin password" };

interface RunResult {
  activated: number;
  failed: number;
  seconds: number;
  perSecond: number;
  /** CPU time per activation in the server process (relay and server) and in the devices' processes. */
  serverCpuMs: number;
  deviceCpuMs: number;
  lastError: string | undefined;
}

async function oneRun(): Promise<RunResult> {
  const dataDir = mkdtempSync(join(tmpdir(), "meridian-activation-bench-"));
  const [httpPort, linkPort, edgePort] = [await freePort(), await freePort(), await freePort()];
  const server = spawn(process.execPath, [...profileFlags, CLI, "start"], {
    env: {
      ...process.env,
      MERIDIAN_DATA_DIR: dataDir,
      MERIDIAN_HTTP_PORT: String(httpPort),
      MERIDIAN_RELAY_LINK_PORT: String(linkPort),
      MERIDIAN_RELAY_EDGE_PORT: String(edgePort),
      MERIDIAN_RELAY_LOOKUPS_PER_MINUTE: "1000000000",
      MERIDIAN_ADMIN_EMAIL: ADMIN.email,
      MERIDIAN_ADMIN_PASSWORD: ADMIN.password,
      MERIDIAN_LOG_LEVEL: "warn",
    },
    stdio: ["ignore", "pipe", "inherit"],
  });
  let banner = "";
  server.stdout!.on("data", (chunk: Buffer) => (banner += chunk.toString()));
  try {
    const base = `http://127.0.0.1:${httpPort}`;
    await waitUntilHealthy(`${base}/healthz`, server, 30_000, 50);
    // The relay link comes up just after the API; the banner names the relay CA.
    while (!/Relay CA\s+SHA-256 ([0-9a-f]{64})/.test(banner))
      await new Promise((resolve) => setTimeout(resolve, 20));
    const caFingerprint = /Relay CA\s+SHA-256 ([0-9a-f]{64})/.exec(banner)![1]!;
    const call = async <T>(path: string, body: unknown, token?: string) =>
      (await (
        await fetch(`${base}${path}`, {
          method: "POST",
          headers: {
            "content-type": "application/json",
            ...(token ? { authorization: `Bearer ${token}` } : {}),
          },
          body: JSON.stringify(body),
        })
      ).json()) as T;
    const { token } = await call<{ token: string }>("/api/v1/auth/login", ADMIN);
    const perAccount = Math.ceil(devices / accounts);
    const created: Array<{ email: string; password: string; count: number }> = [];
    for (let i = 0; i < accounts; i++) {
      const email = `bench${i}@example.com`;
      const user = await call<{ id: string }>("/api/v1/users", { email }, token);
      const activation = await call<{ password: string }>(
        `/api/v1/users/${user.id}/activations`,
        { singleUse: false, deviceLimit: 100 },
        token,
      );
      created.push({
        email,
        password: activation.password,
        count: Math.min(perAccount, devices - i * perAccount),
      });
    }
    // Give the relay a moment to learn the activations.
    await new Promise((resolve) => setTimeout(resolve, 500));
    const relay = { edge: `127.0.0.1:${edgePort}`, host: "relay.meridian.localhost", caFingerprint };
    const shares = Array.from({ length: workers }, (_, w) => created.filter((_, i) => i % workers === w));
    const serverCpuBefore = cpuSeconds(server.pid!);
    const outputs = await Promise.all(
      shares.map((share) =>
        promisify(execFile)(
          process.execPath,
          [
            ...profileFlags,
            "--import",
            "tsx",
            WORKER,
            JSON.stringify({ relay, accounts: share, concurrency }),
          ],
          { maxBuffer: 1 << 20 },
        ),
      ),
    );
    const reports = outputs.map(
      (o) =>
        JSON.parse(o.stdout.trim().split("\n").at(-1)!) as {
          activated: number;
          failed: number;
          started: number;
          ended: number;
          lastError?: string;
          cpuSeconds: number;
        },
    );
    const serverCpu = cpuSeconds(server.pid!) - serverCpuBefore;
    const activated = reports.reduce((n, r) => n + r.activated, 0);
    const seconds =
      (Math.max(...reports.map((r) => r.ended)) - Math.min(...reports.map((r) => r.started))) / 1000;
    return {
      activated,
      failed: reports.reduce((n, r) => n + r.failed, 0),
      seconds,
      perSecond: activated / seconds,
      serverCpuMs: (serverCpu * 1000) / activated,
      deviceCpuMs: (reports.reduce((n, r) => n + r.cpuSeconds, 0) * 1000) / activated,
      lastError: reports.find((r) => r.lastError)?.lastError,
    };
  } finally {
    await stopChild(server);
    rmSync(dataDir, { recursive: true, force: true });
  }
}

const machine = await describeMachine();
const results: RunResult[] = [];
for (let i = 0; i < runs; i++) {
  const result = await oneRun();
  results.push(result);
  process.stdout.write(
    `run ${i + 1}: ${result.activated} activated, ${result.failed} failed in ${result.seconds.toFixed(2)} s: ${result.perSecond.toFixed(1)}/s; CPU per activation: server ${result.serverCpuMs.toFixed(1)} ms, devices ${result.deviceCpuMs.toFixed(1)} ms${result.lastError ? ` (last error: ${result.lastError})` : ""}\n`,
  );
}
const rate = summarize(results.map((r) => r.perSecond));
const cores = availableParallelism();
const capacity = (r: RunResult) => (cores * 1000) / (r.serverCpuMs + r.deviceCpuMs);
const table = markdownTable(
  [
    "Run",
    "Devices activated",
    "Failed",
    "Seconds",
    "Activations per second",
    "Server CPU ms per activation",
    "Device CPU ms per activation",
    `CPU-bound rate on ${cores} cores`,
  ],
  results.map((r, i) => [
    String(i + 1),
    String(r.activated),
    String(r.failed),
    r.seconds.toFixed(2),
    r.perSecond.toFixed(1),
    r.serverCpuMs.toFixed(1),
    r.deviceCpuMs.toFixed(1),
    capacity(r).toFixed(0),
  ]),
);
const bound = summarize(results.map(capacity));
const summary =
  `Median ${rate.p50.toFixed(1)} activations per second measured (target: 200); the CPU they cost ` +
  `bounds this machine at a median of ${bound.p50.toFixed(0)} per second with server and devices sharing its ${cores} cores.`;
process.stdout.write(`\n${table}\n\n${summary}\n`);
if (values.write || (!values["no-write"] && runs >= 3)) {
  writeResults(
    "activation",
    [
      `Measured ${new Date().toISOString().slice(0, 10)} on ${machineLine(machine)}.`,
      "",
      `\`meridian start\` on a fresh data directory; ${devices} simulated devices across ${accounts} users (multi-use activations), ` +
        `in ${workers} worker processes with ${concurrency} activations in flight per user.`,
      "",
      table,
      "",
      summary,
    ].join("\n"),
  );
  await promisify(execFile)("npx", ["prettier", "--write", "docs/benchmarks.md"]).catch(() => undefined);
}
