/**
 * How fast the console's list and search pages answer with a large fleet in one tenant.
 *
 *   node --import tsx bench/api-paging.bench.ts [--backend sqlite|postgres|both] [--users N] [--devices N]
 *     [--samples N] [--warmup N] [--analyze auto|all|none] [--write | --no-write]
 *
 * Seeds a fresh store per backend through the repositories' bulk inserts, starts the real server on it,
 * signs in and sends many sequential requests over one keep-alive connection. Reports the server's own
 * time (`server-timing: app;dur=X`) and the client's round trip. Target: p95 server time under 50 ms.
 */
import { rmSync } from "node:fs";
import { parseArgs } from "node:util";
import { sql } from "kysely";
import { DEFAULT_TENANT_ID } from "@meridian/core";
import { createScratchDatabase, testPostgresUrl } from "@meridian/store/testing";
import { apiShapes, type QueryShape } from "./lib/api-shapes.js";
import { generateDevices, generateUsers } from "./lib/dataset.js";
import { checkPage } from "./lib/expected.js";
import { describeMachine, machineLine } from "./lib/machine.js";
import { writeResults } from "./lib/report.js";
import { seedFleet } from "./lib/seed.js";
import { BenchClient, startBenchServer, tempDataDir } from "./lib/server.js";
import { markdownTable, ms, summarize, type Summary } from "./lib/stats.js";

type Backend = "sqlite" | "postgres";
const TARGET_MS = 50;

const { values: args } = parseArgs({
  options: {
    backend: { type: "string", default: "both" },
    users: { type: "string", default: "100000" },
    devices: { type: "string", default: "100000" },
    samples: { type: "string", default: "250" },
    warmup: { type: "string", default: "25" },
    // auto: PostgreSQL is analysed after seeding, as autovacuum would within a minute; SQLite is not, as nothing does that today.
    analyze: { type: "string", default: "auto" },
    // Warm-up requests whose pages are also checked against the seeded records.
    verify: { type: "string", default: "5" },
    write: { type: "boolean" },
  },
  allowNegative: true,
});

const backends: Backend[] = args.backend === "both" ? ["sqlite", "postgres"] : [args.backend as Backend];
if (!backends.every((b) => b === "sqlite" || b === "postgres"))
  throw new Error("--backend must be sqlite, postgres or both");
const userCount = Number(args.users);
const deviceCount = Number(args.devices);
const samples = Number(args.samples);
const warmup = Number(args.warmup);
const analyzeMode = args.analyze as "auto" | "all" | "none";
const verifyCount = Math.min(Number(args.verify), warmup);
const writeDoc = args.write ?? (backends.length === 2 && userCount === 100_000 && deviceCount === 100_000);

interface ShapeResult {
  shape: string;
  rows: number;
  server: Summary;
  client: Summary;
}

interface BackendResult {
  backend: Backend;
  analyzed: boolean;
  seed: { usersMs: number; devicesMs: number };
  shapes: ShapeResult[];
}

const wrongPages: string[] = [];

async function measure(client: BenchClient, shape: QueryShape, backend: Backend): Promise<ShapeResult> {
  const server: number[] = [];
  const round: number[] = [];
  let rows = 0;
  for (let i = 0; i < warmup + samples; i++) {
    const path = shape.next();
    const response = await client.get<{ items: Array<{ id: string }>; nextCursor?: string }>(path);
    shape.saw?.(response.body);
    if (i < verifyCount) {
      const problem = checkPage(path, response.body, users, devices);
      if (problem) wrongPages.push(`${backend}: ${problem}`);
    }
    if (i < warmup) continue;
    server.push(response.serverMs);
    round.push(response.clientMs);
    rows += response.body.items.length;
  }
  return { shape: shape.name, rows: rows / samples, server: summarize(server), client: summarize(round) };
}

async function runBackend(
  backend: Backend,
  users: ReturnType<typeof generateUsers>,
  devices: ReturnType<typeof generateDevices>,
): Promise<BackendResult> {
  const dataDir = tempDataDir();
  const scratch = backend === "postgres" ? await createScratchDatabase("meridian_bench") : undefined;
  const server = await startBenchServer(dataDir, scratch?.url);
  try {
    process.stdout.write(`[${backend}] seeding ${users.length} users and ${devices.length} devices...`);
    const seed = await seedFleet(server.store, DEFAULT_TENANT_ID, users, devices);
    process.stdout.write(
      ` users ${(seed.usersMs / 1000).toFixed(1)} s, devices ${(seed.devicesMs / 1000).toFixed(1)} s\n`,
    );
    const analyzed = analyzeMode === "all" || (analyzeMode === "auto" && backend === "postgres");
    if (analyzed) await sql`analyze`.execute(server.store.db);

    const client = new BenchClient(server.url);
    await client.login();
    const shapes: ShapeResult[] = [];
    for (const shape of apiShapes(users, devices)) {
      const result = await measure(client, shape, backend);
      shapes.push(result);
      const flag = result.server.p95 < TARGET_MS ? "" : "  <-- over target";
      process.stdout.write(
        `[${backend}] ${shape.name.padEnd(56)} p50 ${ms(result.server.p50).padStart(6)}  p95 ${ms(result.server.p95).padStart(6)}  max ${ms(result.server.max).padStart(6)} ms${flag}\n`,
      );
    }
    return { backend, analyzed, seed, shapes };
  } finally {
    await server.stop();
    await scratch?.drop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

function resultsTable(results: BackendResult[]): string {
  const header = ["Query shape", "Rows"];
  for (const r of results)
    header.push(`${r.backend} p50`, `${r.backend} p95`, `${r.backend} max`, `${r.backend} round trip p95`);
  const rows = results[0]!.shapes.map((s, i) => {
    const cells = [s.shape, s.rows.toFixed(0)];
    for (const r of results) {
      const shape = r.shapes[i]!;
      const over = shape.server.p95 >= TARGET_MS ? " ✗" : "";
      cells.push(
        ms(shape.server.p50),
        `${ms(shape.server.p95)}${over}`,
        ms(shape.server.max),
        ms(shape.client.p95),
      );
    }
    return cells;
  });
  return markdownTable(header, rows);
}

const machine = await describeMachine(backends.includes("postgres") ? testPostgresUrl() : undefined);
const now = Date.now();
const users = generateUsers(userCount, DEFAULT_TENANT_ID, 1, now);
const devices = generateDevices(deviceCount, DEFAULT_TENANT_ID, users, 2, now);
const results: BackendResult[] = [];
for (const backend of backends) results.push(await runBackend(backend, users, devices));

const table = resultsTable(results);
const misses = results.flatMap((r) =>
  r.shapes.filter((s) => s.server.p95 >= TARGET_MS).map((s) => `${r.backend}: ${s.shape}`),
);
process.stdout.write(
  `\nServer time in ms (${samples} samples per shape after ${warmup} warm-up requests)\n\n${table}\n\n`,
);
if (wrongPages.length > 0) {
  process.stdout.write(
    `\nWRONG RESULTS (${wrongPages.length} pages):\n  ${wrongPages.slice(0, 20).join("\n  ")}\n`,
  );
  process.exitCode = 1;
} else {
  process.stdout.write(
    `\nEvery checked page (${verifyCount} per shape and backend) matched the seeded data.\n`,
  );
}
process.stdout.write(
  misses.length === 0
    ? `Every shape is under ${TARGET_MS} ms at p95.\n`
    : `Over ${TARGET_MS} ms at p95:\n  ${misses.join("\n  ")}\n`,
);

if (writeDoc && wrongPages.length === 0) {
  const seeding = results
    .map(
      (r) =>
        `${r.backend} ${(r.seed.usersMs / 1000).toFixed(1)} s for users, ${(r.seed.devicesMs / 1000).toFixed(1)} s for devices${r.analyzed ? ", then ANALYZE" : ", no ANALYZE"}`,
    )
    .join("; ");
  writeResults(
    "api-paging",
    [
      `Measured ${new Date().toISOString().slice(0, 10)} on ${machineLine(machine)}.`,
      "",
      `${userCount.toLocaleString("en")} users and ${deviceCount.toLocaleString("en")} devices in one tenant; pages of 50; ` +
        `${samples} sequential requests per shape after ${warmup} warm-up requests, over one keep-alive connection. ` +
        `Seeding: ${seeding}. Times are server time in ms (\`server-timing\`) except the round-trip column. ✗ marks a p95 of ${TARGET_MS} ms or more.`,
      "",
      table,
    ].join("\n"),
  );
  process.stdout.write("Wrote docs/benchmarks.md\n");
}
