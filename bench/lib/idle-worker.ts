/**
 * One process of simulated devices for bench/idle-devices.bench.ts: activates its share through the
 * relay, then keeps every device connected and waiting for commands. It prints one JSON line per
 * event on stdout (progress, ready, executed) and answers "report" on stdin; it ends on "stop".
 *   node --import tsx bench/lib/idle-worker.ts '<json options>'
 */
import { createInterface } from "node:readline";
import { runSimulation, type AgentDevice } from "@meridian/simulator";

interface WorkerOptions {
  relay: { edge: string; host: string; caFingerprint: string };
  accounts: Array<{ email: string; password: string; count: number }>;
  concurrency: number;
  waitSeconds: number;
}

const options = JSON.parse(process.argv[2] ?? "{}") as WorkerOptions;
const say = (line: Record<string, unknown>) => process.stdout.write(`${JSON.stringify(line)}\n`);
let activated = 0;
let failed = 0;
let lastError: string | undefined;
const progress = setInterval(() => say({ progress: activated, failed }), 1000);

const devices: AgentDevice[] = [];
await Promise.all(
  options.accounts.map(async (account) => {
    let seen = 0;
    const result = await runSimulation({
      relay: options.relay,
      email: account.email,
      password: account.password,
      platform: "android",
      count: account.count,
      concurrency: options.concurrency,
      durationMs: 0,
      shareDerivation: true,
      wakeBy: "long-poll",
      onProgress: (p) => {
        activated += p.activated - seen;
        seen = p.activated;
      },
    });
    devices.push(...result.devices);
    failed += result.failed;
    lastError ??= result.lastError;
  }),
);
clearInterval(progress);
activated = devices.length;

const stop = new AbortController();
// Real devices do not all start polling in the same second: each starts at a random moment within one wait.
const serving = devices.map(async (device) => {
  await new Promise((resolve) => setTimeout(resolve, Math.random() * options.waitSeconds * 1000));
  if (!stop.signal.aborted) await device.serve(stop.signal, options.waitSeconds).catch(() => undefined);
});
say({ ready: true, activated, failed, lastError });

for await (const line of createInterface({ input: process.stdin })) {
  if (line === "report") {
    say({
      report: true,
      rss: process.memoryUsage().rss,
      executed: devices.reduce((n, d) => n + d.executed.length, 0),
    });
  } else if (line === "stop") break;
}
stop.abort();
for (const device of devices) device.close();
await Promise.race([Promise.all(serving), new Promise((resolve) => setTimeout(resolve, 2000))]);
process.exit(0);
