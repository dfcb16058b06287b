/**
 * How long `meridian start` takes to be ready on an existing data directory.
 *
 *   node --import tsx bench/startup.bench.ts [--users N] [--devices N] [--runs N] [--write | --no-write]
 *
 * Seeds a SQLite data directory once, then starts `node apps/cli/bin/meridian.js start` on it again
 * and again as a child process, timing from spawn until GET /healthz answers 200. Runs with the
 * command-line bundle already built, as on every start but the first after a change, and with it
 * removed first, so that the start builds it (what the first start after an upgrade costs).
 * Target: under 2 s.
 */
import { spawn } from "node:child_process";
import { rmSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { DEFAULT_TENANT_ID } from "@meridian/core";
import { bundlePath } from "../apps/cli/build/bundle.js";
import { freePort, stopChild, waitUntilHealthy } from "./lib/child.js";
import { generateDevices, generateUsers } from "./lib/dataset.js";
import { describeMachine, machineLine } from "./lib/machine.js";
import { writeResults } from "./lib/report.js";
import { seedFleet } from "./lib/seed.js";
import { BENCH_ADMIN, startBenchServer, tempDataDir } from "./lib/server.js";
import { markdownTable, ms, summarize } from "./lib/stats.js";

const TARGET_MS = 2_000;
const CLI = fileURLToPath(new URL("../apps/cli/bin/meridian.js", import.meta.url));

const { values: args } = parseArgs({
  options: {
    users: { type: "string", default: "100000" },
    devices: { type: "string", default: "100000" },
    runs: { type: "string", default: "9" },
    write: { type: "boolean" },
  },
  allowNegative: true,
});
const userCount = Number(args.users);
const deviceCount = Number(args.devices);
const runs = Number(args.runs);
const writeDoc = args.write ?? (userCount === 100_000 && runs >= 7);

interface Start {
  /** Spawn until /healthz answered 200. */
  totalMs: number;
  /** What `meridian start` itself reports: from its command action until the server listens. */
  readyMs: number | undefined;
}

async function startOnce(dataDir: string, rebuild = false): Promise<Start> {
  const port = await freePort();
  if (rebuild) rmSync(bundlePath, { force: true });
  const env = {
    ...process.env,
    MERIDIAN_DATA_DIR: dataDir,
    MERIDIAN_HTTP_PORT: String(port),
    MERIDIAN_LOG_LEVEL: "warn",
    MERIDIAN_ADMIN_EMAIL: BENCH_ADMIN.email,
    MERIDIAN_ADMIN_PASSWORD: BENCH_ADMIN.password,
  };
  const started = performance.now();
  const child = spawn(process.execPath, [CLI, "start"], { env, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
  try {
    await waitUntilHealthy(`http://127.0.0.1:${port}/healthz`, child, 60_000);
  } catch (error) {
    await stopChild(child);
    throw new Error(`${(error as Error).message}\n${output}`, { cause: error });
  }
  const totalMs = performance.now() - started;
  await stopChild(child);
  const ready = /ready in (\d+) ms/.exec(output);
  return { totalMs, readyMs: ready ? Number(ready[1]) : undefined };
}

/** Node itself, for scale: spawn to exit of an empty script. */
async function bareNodeMs(): Promise<number> {
  const started = performance.now();
  const child = spawn(process.execPath, ["-e", ""], { stdio: "ignore" });
  await new Promise((resolve) => child.once("exit", resolve));
  return performance.now() - started;
}

const machine = await describeMachine();
const dataDir = tempDataDir("meridian-startup-");
try {
  process.stdout.write(`Seeding ${userCount} users and ${deviceCount} devices into ${dataDir}...\n`);
  const seeding = await startBenchServer(dataDir);
  const now = Date.now();
  const users = generateUsers(userCount, DEFAULT_TENANT_ID, 1, now);
  await seedFleet(
    seeding.store,
    DEFAULT_TENANT_ID,
    users,
    generateDevices(deviceCount, DEFAULT_TENANT_ID, users, 2, now),
  );
  await seeding.stop();

  const bare: number[] = [];
  for (let i = 0; i < 5; i++) bare.push(await bareNodeMs());

  const series: Array<{ name: string; rebuild: boolean; starts: Start[] }> = [
    { name: "bundle built (every restart)", rebuild: false, starts: [] },
    { name: "bundle rebuilt first (first start after a change)", rebuild: true, starts: [] },
  ];
  // One start to build the bundle; not counted.
  await startOnce(dataDir);
  for (let i = 0; i < runs; i++) {
    for (const s of series) {
      const start = await startOnce(dataDir, s.rebuild);
      s.starts.push(start);
      process.stdout.write(
        `${s.name}: run ${i + 1}: ${ms(start.totalMs)} ms to healthy (start command reports ready in ${start.readyMs ?? "?"} ms)\n`,
      );
    }
  }

  const bareMedian = summarize(bare).p50;
  const rows = series.map((s) => {
    const total = summarize(s.starts.map((x) => x.totalMs));
    const ready = summarize(s.starts.map((x) => x.readyMs ?? Number.NaN));
    const verdict = total.max < TARGET_MS ? "yes" : total.p50 < TARGET_MS ? "median only" : "no";
    return [
      s.name,
      String(total.n),
      ms(total.p50),
      ms(total.max),
      ms(ready.p50),
      ms(total.p50 - ready.p50),
      verdict,
    ];
  });
  const table = markdownTable(
    [
      "Start",
      "Runs",
      "Spawn to healthy, median",
      "max",
      "`ready in` (server start), median",
      "Node + module loading, median",
      "Under 2 s",
    ],
    rows,
  );
  process.stdout.write(
    `\n${table}\n\nAn empty \`node -e ""\` takes ${ms(bareMedian)} ms from spawn to exit on this machine.\n`,
  );

  if (writeDoc) {
    writeResults(
      "startup",
      [
        `Measured ${new Date().toISOString().slice(0, 10)} on ${machineLine(machine)}.`,
        "",
        `A SQLite data directory holding ${userCount.toLocaleString("en")} users and ${deviceCount.toLocaleString("en")} devices; ` +
          `\`meridian start\` spawned ${runs} times per row, timed from spawn until \`GET /healthz\` answered 200. ` +
          `\`ready in\` is what the start command prints (opening the store and migrations, the default tenant and first administrator, building Fastify, listening); ` +
          `the rest is Node starting, building the bundle where it had to, and loading the modules. An empty \`node -e ""\` takes ${ms(bareMedian)} ms.`,
        "",
        table,
      ].join("\n"),
    );
    process.stdout.write("Wrote docs/benchmarks.md\n");
  }
} finally {
  rmSync(dataDir, { recursive: true, force: true });
}
