/**
 * APNs notifications per second through Meridian's client (its own HTTP/2 framing over node:tls),
 * through @parse/node-apn, through the barest node:http2 loop (one request, one close listener: the
 * floor under any node:http2 client), and through h2load (nghttp2's load generator, native code) as the ceiling the emulator allows, all
 * against one local APNs emulator with token authentication. Beside the rates: CPU time per
 * notification in this process (the client's cost) and in the emulator's.
 *
 *   node --import tsx bench/apns-throughput.bench.ts [--count 20000] [--runs 5] [--window 1000]
 *
 * The emulator runs in a child process so it does not share an event loop with the client under
 * test; each contender has its own signing key (APNs refuses a key's token changing within 20
 * minutes) and one warm connection. Both Node clients get the same driver: `--window` sends in
 * flight, a new one started as each finishes; h2load gets the same number of requests, one
 * connection, and as many streams as the emulator allows. The contenders take turns, run after run,
 * so a busy neighbour on the machine slows them alike. Target: ours at 1.5× node-apn or more.
 */
import { execFile, execFileSync, fork } from "node:child_process";
import { connect } from "node:http2";
import { once } from "node:events";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { cpus, tmpdir, totalmem } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs, promisify } from "node:util";
import { createRequire } from "node:module";
import { ApnsEmulator, type IssuedSigningKey } from "../packages/emulators/src/index.js";
import { ApnsClient, ProviderToken } from "../packages/push/src/index.js";
import { markdownTable } from "./lib/stats.js";

const TOPIC = "com.example.meridian.bench";
const STREAMS = 500;

interface EmulatorReady {
  url: string;
  ca: string;
  device: string;
  keys: {
    ours: IssuedSigningKey;
    nodeApn: IssuedSigningKey;
    bare: IssuedSigningKey;
    h2load: IssuedSigningKey;
  };
}

const cpuMicros = () => {
  const { user, system } = process.cpuUsage();
  return user + system;
};

/** The child: one emulator, three keys, one device; answers "count" with how many it delivered. */
async function serveEmulator(): Promise<void> {
  const emulator = await ApnsEmulator.start({
    maxConcurrentStreams: STREAMS,
    oneStreamUntilAuthenticated: false,
  });
  const ready: EmulatorReady = {
    url: emulator.url,
    ca: emulator.ca,
    device: emulator.registerDevice(TOPIC),
    keys: {
      ours: emulator.createSigningKey(),
      nodeApn: emulator.createSigningKey(),
      bare: emulator.createSigningKey(),
      h2load: emulator.createSigningKey(),
    },
  };
  process.send!({ type: "ready", ready });
  process.on("message", (message: { type: string }) => {
    if (message.type === "cpu") process.send!({ type: "cpu", micros: cpuMicros() });
    if (message.type === "stop") void emulator.close().then(() => process.exit(0));
  });
}

/** Keeps `window` sends in flight until `count` have finished; returns notifications per second. */
async function drive(
  count: number,
  window: number,
  sendOne: () => Promise<boolean>,
): Promise<{ rate: number; ok: number }> {
  let started = 0;
  let ok = 0;
  const begin = performance.now();
  const lane = async () => {
    while (started < count) {
      started++;
      if (await sendOne()) ok++;
    }
  };
  await Promise.all(Array.from({ length: Math.min(window, count) }, lane));
  return { rate: count / ((performance.now() - begin) / 1000), ok };
}

type Contender = {
  name: string;
  run(count: number): Promise<{ rate: number; ok: number }>;
  close(): Promise<void>;
};

function ours(ready: EmulatorReady, window: number): Contender {
  const client = new ApnsClient({
    credentials: { token: ready.keys.ours },
    topic: TOPIC,
    baseUrl: ready.url,
    ca: ready.ca,
  });
  const notification = { token: ready.device };
  return {
    name: "Meridian ApnsClient",
    run: (count) =>
      drive(count, window, async () => (await client.send(notification)).status === "delivered"),
    close: () => client.close(),
  };
}

function nodeApn(ready: EmulatorReady, window: number): Contender {
  // node-apn is CommonJS and a devDependency of the push package only.
  const require = createRequire(join(fileURLToPath(import.meta.url), "../../packages/push/package.json"));
  const apn = require("@parse/node-apn") as typeof import("@parse/node-apn");
  const { privateKey: key, keyId, teamId } = ready.keys.nodeApn;
  // `port` is read by node-apn's config although its type declarations omit it.
  const options: import("@parse/node-apn").ProviderOptions & { port: number } = {
    token: { key, keyId, teamId },
    // Not the production host, so node-apn calls it sandbox; its `port` option is what the socket dials.
    address: new URL(ready.url).hostname,
    port: Number(new URL(ready.url).port),
    production: false,
    ca: [ready.ca],
  };
  const provider = new apn.Provider(options);
  const notification = new apn.Notification();
  notification.topic = TOPIC;
  notification.pushType = "background";
  notification.priority = 5;
  notification.contentAvailable = true;
  return {
    name: "@parse/node-apn",
    run: (count) =>
      drive(count, window, async () => {
        const result = await provider.send(notification, ready.device);
        return result.sent.length === 1;
      }),
    close: async () => {
      await provider.shutdown();
    },
  };
}

function bareHttp2(ready: EmulatorReady, window: number): Contender {
  const session = connect(ready.url, { ca: ready.ca });
  session.on("error", () => {});
  const jwt = new ProviderToken(ready.keys.bare, { now: () => Date.now() }, Math.random).current();
  const headers = {
    ":method": "POST",
    ":path": `/3/device/${ready.device}`,
    authorization: `bearer ${jwt}`,
    "apns-topic": TOPIC,
    "apns-push-type": "background",
    "apns-priority": "5",
  };
  const body = JSON.stringify({ aps: { "content-available": 1 } });
  const sendOne = () =>
    new Promise<boolean>((resolve) => {
      const stream = session.request(headers);
      let ok = false;
      stream.on("response", (response) => (ok = response[":status"] === 200));
      stream.on("error", () => {});
      stream.on("close", () => resolve(ok));
      stream.resume();
      stream.end(body);
    });
  return {
    name: "bare node:http2 (floor)",
    run: (count) => drive(count, window, sendOne),
    close: async () => void session.close(),
  };
}

function h2load(ready: EmulatorReady): Contender {
  try {
    execFileSync("h2load", ["--version"], { stdio: "ignore" });
  } catch {
    throw new Error(
      "h2load is missing: it comes with Debian's nghttp2-client (apt-get install nghttp2-client).",
    );
  }
  const dir = mkdtempSync(join(tmpdir(), "apns-bench-"));
  const payload = join(dir, "payload.json");
  writeFileSync(payload, JSON.stringify({ aps: { "content-available": 1 } }));
  const jwt = new ProviderToken(ready.keys.h2load, { now: () => Date.now() }, Math.random).current();
  return {
    name: "h2load (ceiling)",
    async run(count) {
      const { stdout } = await promisify(execFile)("h2load", [
        "-n",
        String(count),
        "-c",
        "1",
        "-m",
        String(STREAMS),
        "-d",
        payload,
        "-H",
        `authorization: bearer ${jwt}`,
        "-H",
        `apns-topic: ${TOPIC}`,
        "-H",
        "apns-push-type: background",
        "-H",
        "apns-priority: 5",
        `${ready.url}/3/device/${ready.device}`,
      ]);
      const rate = Number(/finished in [\d.]+m?s, ([\d.]+) req\/s/.exec(stdout)?.[1]);
      const ok = Number(/status codes: (\d+) 2xx/.exec(stdout)?.[1]);
      if (!Number.isFinite(rate)) throw new Error(`Could not read h2load's output:\n${stdout}`);
      return { rate, ok };
    },
    close: async () => rmSync(dir, { recursive: true, force: true }),
  };
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      count: { type: "string", default: "20000" },
      runs: { type: "string", default: "5" },
      window: { type: "string", default: "1000" },
    },
  });
  const count = Number(values.count);
  const runs = Number(values.runs);
  const window = Number(values.window);
  const child = fork(fileURLToPath(import.meta.url), ["--serve-emulator"], { execArgv: ["--import", "tsx"] });
  const [message] = (await once(child, "message")) as [{ ready: EmulatorReady }];
  const { ready } = message;
  const contenders = [ours(ready, window), nodeApn(ready, window), bareHttp2(ready, window), h2load(ready)];
  const rates = new Map<string, number[]>(contenders.map((contender) => [contender.name, []]));
  const clientCpu = new Map<string, number[]>(contenders.map((contender) => [contender.name, []]));
  const emulatorCpu = new Map<string, number[]>(contenders.map((contender) => [contender.name, []]));
  const emulatorMicros = async () => {
    child.send({ type: "cpu" });
    const [reply] = (await once(child, "message")) as [{ micros: number }];
    return reply.micros;
  };
  try {
    for (const contender of contenders) await contender.run(Math.min(2_000, count)); // warm connections and JIT
    for (let run = 0; run < runs; run++) {
      for (let turn = 0; turn < contenders.length; turn++) {
        const contender = contenders[(run + turn) % contenders.length]!;
        const emulatorBefore = await emulatorMicros();
        const clientBefore = cpuMicros();
        const { rate, ok } = await contender.run(count);
        clientCpu.get(contender.name)!.push((cpuMicros() - clientBefore) / count);
        emulatorCpu.get(contender.name)!.push(((await emulatorMicros()) - emulatorBefore) / count);
        if (ok !== count) throw new Error(`${contender.name} delivered ${ok} of ${count}.`);
        rates.get(contender.name)!.push(rate);
        process.stderr.write(`run ${run + 1}: ${contender.name} ${Math.round(rate)}/s\n`);
      }
    }
  } finally {
    for (const contender of contenders) await contender.close();
    child.send({ type: "stop" });
    await once(child, "exit");
  }
  const medianOf = (name: string) => median(rates.get(name)!);
  const oursRate = medianOf("Meridian ApnsClient");
  const nodeApnRate = medianOf("@parse/node-apn");
  const ceiling = medianOf("h2load (ceiling)");
  const cpu = cpus()[0]?.model ?? "unknown CPU";
  console.log(
    `\nAPNs throughput, ${count} notifications a run, ${runs} runs, ${window} in flight (Node clients), ` +
      `emulator allowing ${STREAMS} streams; ${cpu}, ${cpus().length} cores, ${Math.round(totalmem() / 2 ** 30)} GiB; Node ${process.version}; ${new Date().toISOString().slice(0, 10)}\n`,
  );
  console.log(
    markdownTable(
      [
        "Sender",
        "median notifications/s",
        "runs (notifications/s)",
        "vs node-apn",
        "of h2load ceiling",
        "client CPU µs/notification",
        "emulator CPU µs/notification",
      ],
      contenders.map(({ name }) => {
        const rate = medianOf(name);
        const client = median(clientCpu.get(name)!);
        return [
          name,
          String(Math.round(rate)),
          rates
            .get(name)!
            .map((value) => Math.round(value))
            .join(", "),
          `${(rate / nodeApnRate).toFixed(2)}×`,
          `${Math.round((rate / ceiling) * 100)}%`,
          name.startsWith("h2load") ? "(separate process)" : client.toFixed(0),
          median(emulatorCpu.get(name)!).toFixed(0),
        ];
      }),
    ),
  );
  const cpuRatio = median(clientCpu.get("@parse/node-apn")!) / median(clientCpu.get("Meridian ApnsClient")!);
  console.log(
    `\nMeridian / node-apn: ${(oursRate / nodeApnRate).toFixed(2)}× the rate (target ≥ 1.5×), ` +
      `${cpuRatio.toFixed(2)}× less client CPU per notification.`,
  );
}

if (process.argv.includes("--serve-emulator")) await serveEmulator();
else await main();
