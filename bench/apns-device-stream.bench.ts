/**
 * The APNs emulator's device side at simulator scale: one delivery stream for 100,000 tokens, and
 * 100,000 pushes delivered through it. Reports the emulator's memory and CPU at each step, and the
 * listening client's CPU.
 *
 *   node --expose-gc --import tsx bench/apns-device-stream.bench.ts [--devices 100000]
 *
 * The emulator runs in a child process so that its figures are its own. Steps: register the
 * devices; push one notification to each while none listens (APNs holds the latest per device);
 * open one stream for all of them (the held ones arrive); push one more to each while listening.
 * Each push step's emulator CPU includes the provider requests themselves (HTTP/2, token check);
 * the difference between the two push steps is the cost of streaming instead of holding.
 */
import { fork } from "node:child_process";
import { once } from "node:events";
import { connect } from "node:http2";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { importPKCS8, SignJWT } from "jose";
import { ApnsEmulator, listenForPushes, registerApnsDevices } from "../packages/emulators/src/index.js";

const TOPIC = "com.apple.mgmt.External.bench";

interface Probe {
  rssMb: number;
  heapMb: number;
  cpuMs: number;
  pending: number;
  subscribed: number;
}

const mb = (bytes: number) => Math.round((bytes / 1024 / 1024) * 10) / 10;
const cpuMs = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};

async function serveEmulator(): Promise<void> {
  const emulator = await ApnsEmulator.start({
    maxConcurrentStreams: 500,
    oneStreamUntilAuthenticated: false,
  });
  const key = emulator.createSigningKey();
  process.on("disconnect", () => process.exit(0));
  process.send!({ type: "ready", url: emulator.url, ca: emulator.ca, key });
  process.on("message", (message: { type: string }) => {
    if (message.type === "probe") {
      globalThis.gc?.();
      const memory = process.memoryUsage();
      const probe: Probe = {
        rssMb: mb(memory.rss),
        heapMb: mb(memory.heapUsed),
        cpuMs: cpuMs(),
        pending: emulator.pendingNotifications,
        subscribed: emulator.deliveries.subscribedTokens,
      };
      process.send!({ type: "probe", probe });
    }
    if (message.type === "stop") void emulator.close().then(() => process.exit(0));
  });
}

async function pushToAll(
  url: string,
  ca: string,
  jwt: string,
  tokens: string[],
  round: number,
): Promise<void> {
  const session = connect(url, { ca });
  await once(session, "connect");
  let next = 0;
  const worker = async () => {
    while (next < tokens.length) {
      const token = tokens[next++]!;
      const stream = session.request({
        ":method": "POST",
        ":path": `/3/device/${token}`,
        authorization: `bearer ${jwt}`,
        "apns-topic": TOPIC,
        "apns-push-type": "mdm",
      });
      stream.end(JSON.stringify({ mdm: `round-${round}` }));
      const [headers] = (await once(stream, "response")) as [Record<string, unknown>];
      if (headers[":status"] !== 200) throw new Error(`Push refused: ${String(headers[":status"])}`);
      stream.resume();
      await once(stream, "close");
    }
  };
  await Promise.all(Array.from({ length: 400 }, worker));
  session.close();
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { devices: { type: "string", default: "100000" } } });
  const devices = Number(values.devices);
  const child = fork(fileURLToPath(import.meta.url), ["--child"], {
    execArgv: ["--expose-gc", "--import", "tsx"],
  });
  const [ready] = (await once(child, "message")) as [
    { url: string; ca: string; key: { teamId: string; keyId: string; privateKey: string } },
  ];
  // One provider token for the whole run: APNs refuses a token that changes within 20 minutes.
  const { key } = ready;
  const jwt = await new SignJWT({ iss: key.teamId, iat: Math.floor(Date.now() / 1000) })
    .setProtectedHeader({ alg: "ES256", kid: key.keyId })
    .sign(await importPKCS8(key.privateKey, "ES256"));
  const probe = async (): Promise<Probe> => {
    child.send({ type: "probe" });
    for (;;) {
      const [message] = (await once(child, "message")) as [{ type: string; probe: Probe }];
      if (message.type === "probe") return message.probe;
    }
  };
  const rows: Array<[string, Probe, number]> = [];
  const step = async (name: string, work: () => Promise<void>) => {
    const started = performance.now();
    process.stderr.write(`${name}…\n`);
    await work();
    rows.push([name, await probe(), performance.now() - started]);
  };

  rows.push(["started", await probe(), 0]);
  let tokens: string[] = [];
  await step(`register ${devices}`, async () => {
    tokens = await registerApnsDevices(ready.url, ready.ca, TOPIC, devices);
  });
  await step(`push ${devices}, none listening (held)`, () => pushToAll(ready.url, ready.ca, jwt, tokens, 1));

  let received = 0;
  let wake: (() => void) | undefined;
  const until = async (count: number) => {
    while (received < count) await new Promise<void>((resolve) => (wake = resolve));
  };
  const stop = new AbortController();
  const clientCpuBefore = cpuMs();
  let listening: Promise<void> | undefined;
  await step(`one stream for ${devices} tokens, held ones delivered`, async () => {
    listening = listenForPushes(
      ready.url,
      ready.ca,
      tokens,
      () => {
        received++;
        if (received % 1000 === 0 || received === devices * 2) wake?.();
      },
      stop.signal,
    );
    await until(devices);
  });
  await step(`push ${devices}, delivered on the stream`, async () => {
    await pushToAll(ready.url, ready.ca, jwt, tokens, 2);
    await until(devices * 2);
  });
  const clientCpu = cpuMs() - clientCpuBefore;
  stop.abort();
  await listening;
  await step("stream closed", async () => {
    await new Promise((resolve) => setTimeout(resolve, 200));
  });

  console.log("| step | wall s | emulator CPU ms (step) | RSS MB | heap MB | pending | subscribed |");
  console.log("|---|---|---|---|---|---|---|");
  let previousCpu = rows[0]![1].cpuMs;
  for (const [name, p, wall] of rows) {
    console.log(
      `| ${name} | ${(wall / 1000).toFixed(2)} | ${Math.round(p.cpuMs - previousCpu)} | ${p.rssMb} | ${p.heapMb} | ${p.pending} | ${p.subscribed} |`,
    );
    previousCpu = p.cpuMs;
  }
  console.log(
    `Client (this process: listening and the provider's pushes) CPU over the two stream steps: ${Math.round(clientCpu)} ms; ${received} notifications received.`,
  );
  child.send({ type: "stop" });
  await once(child, "exit");
}

if (process.argv.includes("--child")) await serveEmulator();
else await main();
