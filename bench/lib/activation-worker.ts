/**
 * One load-generating process for bench/activation.bench.ts: activates its share of devices through
 * the relay and prints one JSON line with what it did and when.
 *   node --import tsx bench/lib/activation-worker.ts '<json options>'
 */
import { runSimulation } from "@meridian/simulator";

interface WorkerOptions {
  relay: { edge: string; host: string; caFingerprint: string };
  accounts: Array<{ email: string; password: string; count: number }>;
  concurrency: number;
}

const options = JSON.parse(process.argv[2] ?? "{}") as WorkerOptions;
const started = Date.now();
const cpuBefore = process.cpuUsage();
const results = await Promise.all(
  options.accounts.map((account) =>
    runSimulation({
      relay: options.relay,
      email: account.email,
      password: account.password,
      platform: "android",
      count: account.count,
      concurrency: options.concurrency,
      durationMs: 0,
      shareDerivation: true,
      wakeBy: "long-poll",
    }),
  ),
);
const ended = Date.now();
const cpu = process.cpuUsage(cpuBefore);
for (const result of results) for (const device of result.devices) device.close();
process.stdout.write(
  `${JSON.stringify({
    activated: results.reduce((n, r) => n + r.activated, 0),
    failed: results.reduce((n, r) => n + r.failed, 0),
    lastError: results.find((r) => r.lastError)?.lastError,
    started,
    ended,
    cpuSeconds: (cpu.user + cpu.system) / 1e6,
  })}\n`,
);
