/**
 * Signed Apple check-ins per second through the relay, with nothing queued: the steady load of a
 * large fleet whose devices wake and find nothing to do.
 *
 *   node --import tsx bench/apple-checkins.bench.ts [--devices N] [--workers N] [--seconds N] [--rounds N] [--write]
 *
 * The relay and one server process (SQLite) run as `meridian` processes; simulated iPhones enrol for
 * real through the relay (enrollment profile, SCEP, Authenticate, TokenUpdate) in worker processes,
 * then send signed Idle reports back to back over their own TLS connections. Target (issue 5): at
 * least 1,000 a second. Every process shares the machine's two cores, so the server's CPU per
 * check-in is reported too: it says what one core could do alone.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { loadavg } from "node:os";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { makeProviderCertificate } from "@meridian/push/testing/provider-certificate";
import { cpuSeconds } from "./lib/child.js";
import { describeMachine, machineLine } from "./lib/machine.js";
import { createAccounts, startRelayProcess, startServerProcess } from "./lib/meridian-processes.js";
import { writeResults } from "./lib/report.js";
import { markdownTable } from "./lib/stats.js";

const { values: args } = parseArgs({
  options: {
    devices: { type: "string", default: "300" },
    workers: { type: "string", default: "3" },
    seconds: { type: "string", default: "10" },
    rounds: { type: "string", default: "3" },
    write: { type: "boolean" },
  },
});
const deviceCount = Number(args.devices);
const workerCount = Number(args.workers);
const seconds = Number(args.seconds);
const rounds = Number(args.rounds);
const TARGET = 1_000;
const WORKER = fileURLToPath(new URL("./lib/apple-checkin-worker.ts", import.meta.url));

interface Worker {
  child: ChildProcess;
  lines: AsyncIterator<string>;
}

async function nextMessage(worker: Worker, key: string): Promise<Record<string, unknown>> {
  for (;;) {
    const { value, done } = await worker.lines.next();
    if (done) throw new Error("A worker ended early.");
    const message = JSON.parse(value as string) as Record<string, unknown>;
    if (message[key] !== undefined) return message;
    if (message.progress !== undefined) process.stdout.write(".");
  }
}

const relay = await startRelayProcess(deviceCount + 100);
const server = await startServerProcess(relay, process.env.MERIDIAN_BENCH_SERVER_FLAGS?.split(" ") ?? []);
const machine = await describeMachine();
const workers: Worker[] = [];
try {
  const topic = "com.apple.mgmt.External.bench";
  const certificate = makeProviderCertificate(topic);
  await server.call("PUT", "/api/v1/push/credentials/apns", {
    service: "apns",
    certificate: { cert: certificate.cert, key: certificate.key },
  });
  const accounts = await createAccounts(server, deviceCount, Math.ceil(deviceCount / workerCount));
  const started = performance.now();
  for (const [i, account] of accounts.entries()) {
    const child = spawn(
      process.execPath,
      [
        "--import",
        "tsx",
        WORKER,
        JSON.stringify({
          relay: { edge: relay.edge, host: relay.host, caFingerprint: relay.caFingerprint },
          account,
          count: account.count,
          concurrency: 4,
          offset: i * 100_000,
        }),
      ],
      { stdio: ["pipe", "pipe", "inherit"] },
    );
    workers.push({ child, lines: createInterface({ input: child.stdout! })[Symbol.asyncIterator]() });
  }
  const ready = await Promise.all(workers.map((w) => nextMessage(w, "ready")));
  const enrolled = ready.reduce((sum, r) => sum + Number(r.enrolled), 0);
  process.stdout.write(
    `\n${enrolled} iPhones enrolled in ${((performance.now() - started) / 1000).toFixed(1)} s` +
      ` (${ready.reduce((s, r) => s + Number(r.failed), 0)} failed${ready.find((r) => r.lastError) ? `: ${ready.find((r) => r.lastError)!.lastError}` : ""})\n`,
  );

  const results: Array<{ rate: number; serverMs: number; relayMs: number; errors: number }> = [];
  for (let round = 0; round < rounds; round++) {
    const cpu = [cpuSeconds(server.child.pid!), cpuSeconds(relay.child.pid!)];
    const t0 = performance.now();
    for (const w of workers) w.child.stdin!.write(`go ${seconds}\n`);
    const done = await Promise.all(workers.map((w) => nextMessage(w, "done")));
    const elapsed = (performance.now() - t0) / 1000;
    const answered = done.reduce((sum, d) => sum + Number(d.answered), 0);
    const errors = done.reduce((sum, d) => sum + Number(d.errors), 0);
    const rate = answered / elapsed;
    const serverMs = ((cpuSeconds(server.child.pid!) - cpu[0]!) * 1000) / answered;
    const relayMs = ((cpuSeconds(relay.child.pid!) - cpu[1]!) * 1000) / answered;
    results.push({ rate, serverMs, relayMs, errors });
    process.stdout.write(
      `round ${round + 1}: ${answered} check-ins in ${elapsed.toFixed(1)} s = ${rate.toFixed(0)}/s; ` +
        `server ${serverMs.toFixed(2)} ms CPU each, relay ${relayMs.toFixed(2)} ms; ${errors} errors; load ${loadavg()[0]!.toFixed(1)}\n`,
    );
  }
  const sorted = [...results].sort((a, b) => a.rate - b.rate);
  const median = sorted[Math.floor(sorted.length / 2)]!;
  const table = markdownTable(
    [
      "Devices",
      "Check-ins/s (median)",
      "Server CPU per check-in",
      "Relay CPU per check-in",
      "One server core's ceiling",
      "Target",
    ],
    [
      [
        String(enrolled),
        median.rate.toFixed(0),
        `${median.serverMs.toFixed(2)} ms`,
        `${median.relayMs.toFixed(2)} ms`,
        `${(1000 / median.serverMs).toFixed(0)}/s`,
        `${TARGET}/s (${median.rate >= TARGET ? "met" : "missed"})`,
      ],
    ],
  );
  process.stdout.write(`\n${table}\n`);
  if (args.write)
    writeResults(
      "apple-checkins",
      `${machineLine(machine)}, ${new Date().toISOString().slice(0, 10)}, load average ${loadavg()[0]!.toFixed(1)} at the end; ` +
        `${workerCount} device processes, ${rounds} rounds of ${seconds} s; rates ${results.map((r) => r.rate.toFixed(0)).join(", ")}/s.\n\n${table}`,
    );
} finally {
  for (const w of workers) {
    w.child.stdin!.write("stop\n");
    w.child.kill();
  }
  server.child.kill();
  relay.child.kill();
}
