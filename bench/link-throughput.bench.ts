/**
 * Bulk throughput through the relay (device → edge → link → server, TLS end to end inside) against a
 * direct loopback copy of the same size in the same run, with 1, 10 and 100 concurrent streams; then
 * the memory one idle device connection costs the relay and the server.
 *
 *   node --import tsx bench/link-throughput.bench.ts [--mb 256] [--streams 1,10,100] [--runs 5]
 *     [--idle 1000] [--window <initial stream window bytes>] [--max-window <bytes>] [--cpu-prof <dir>]
 *
 * Three processes, as in production: this one plays the devices, one child is the relay (link hub and
 * device edge), one the server (link client; it terminates the devices' TLS and counts the bytes).
 * The direct copies go from this process to a fourth, plain sink process: "direct TCP" is the target's
 * yardstick; "direct TLS" shows how much of the difference is the devices' own TLS. Each transfer
 * starts after every connection's handshake and ends when every receiver has counted its last byte;
 * the paths take turns, run after run, so a busy neighbour on the machine slows them alike.
 * "CPU" is each process's CPU time during the relay transfers as a share of one core, and "MB/s per
 * relay core" the relay path's rate divided by the relay's share: what one relay core can carry (and
 * the same for the server, which also terminates the devices' TLS).
 * Target: the relay path at 25% or more of the direct TCP copy.
 */
import { fork, type ChildProcess } from "node:child_process";
import { once } from "node:events";
import {
  connect as netConnect,
  createServer as createNetServer,
  type AddressInfo,
  type Socket,
} from "node:net";
import { cpus, totalmem } from "node:os";
import type { Duplex } from "node:stream";
import { connect as tlsConnect, createServer as createTlsServer } from "node:tls";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import {
  DEFAULT_FLOW_CONTROL,
  DeviceEdge,
  LinkClient,
  LinkHub,
  type FlowControl,
} from "../packages/tunnel/src/index.js";
import { createTunnelPki, DEVICE_HOST } from "../packages/tunnel/src/testing/tunnel-fixture.js";
import { markdownTable } from "./lib/stats.js";

interface Pems {
  relay: { key: string; cert: string };
  relayCa: string;
  linkCa: string;
  linkClient: { key: string; cert: string };
  deviceServer: { key: string; cert: string };
  deviceCa: string;
}

type Message =
  | { type: "init"; pems: Pems; linkPort?: number; flowControl: Partial<FlowControl> }
  | { type: "ready"; ports: Record<string, number> }
  | { type: "probe" }
  | { type: "stop" }
  | { type: "probed"; rss: number; heap: number; cpuMs: number };

const CHUNK = Buffer.alloc(64 * 1024, 0x5a);

/** Reads an 8-byte length, counts that many bytes, then answers one byte: the sender's stopwatch stops there. */
function countingSink(socket: Duplex): void {
  let header = Buffer.alloc(0);
  let expected = -1;
  let received = 0;
  socket.on("error", () => {});
  socket.on("data", (chunk: Buffer) => {
    if (expected === -1) {
      header = Buffer.concat([header, chunk]);
      if (header.length < 8) return;
      expected = Number(header.readBigUInt64BE(0));
      received = header.length - 8;
    } else received += chunk.length;
    if (expected >= 0 && received >= expected) {
      expected = -2;
      socket.write("k");
    }
  });
}

function send(message: Message): void {
  process.send!(message);
}

/** Answers "probe" with memory after two full collections, and CPU time used so far. */
function answerProbes(): void {
  process.on("message", (message: Message) => {
    if (message.type !== "probe") return;
    const gc = (globalThis as { gc?: () => void }).gc;
    gc?.();
    gc?.();
    const memory = process.memoryUsage();
    const cpu = process.cpuUsage();
    send({
      type: "probed",
      rss: memory.rss,
      heap: memory.heapUsed + memory.external,
      cpuMs: (cpu.user + cpu.system) / 1000,
    });
  });
}

async function relayRole({ pems, flowControl }: Extract<Message, { type: "init" }>): Promise<void> {
  const hub = new LinkHub({
    key: pems.relay.key,
    cert: pems.relay.cert,
    clientCa: pems.linkCa,
    authorize: () => ({ serverId: "server-1" }),
    flowControl,
  });
  const edge = new DeviceEdge({
    route: (name) => (name === DEVICE_HOST ? "server-1" : undefined),
    openStream: (serverId, meta) => hub.openStream(serverId, meta),
  });
  const link = await hub.listen(0, "127.0.0.1");
  const device = await edge.listen(0, "127.0.0.1");
  send({ type: "ready", ports: { link: link.port, edge: device.port } });
}

async function serverRole({
  pems,
  linkPort,
  flowControl,
}: Extract<Message, { type: "init" }>): Promise<void> {
  const deviceTls = createTlsServer(pems.deviceServer, countingSink);
  const client = new LinkClient({
    relays: [`127.0.0.1:${linkPort}`],
    trust: { ca: pems.relayCa },
    credentials: pems.linkClient,
    onStream: (stream) => deviceTls.emit("connection", stream),
    flowControl,
  }).start();
  await once(client, "up");
  send({ type: "ready", ports: {} });
}

async function sinkRole({ pems }: Extract<Message, { type: "init" }>): Promise<void> {
  const tcp = createNetServer(countingSink).listen(0, "127.0.0.1");
  const tls = createTlsServer(pems.deviceServer, countingSink).listen(0, "127.0.0.1");
  await Promise.all([once(tcp, "listening"), once(tls, "listening")]);
  const port = (server: { address(): unknown }) => (server.address() as AddressInfo).port;
  send({ type: "ready", ports: { tcp: port(tcp), tls: port(tls) } });
}

class Child {
  private constructor(readonly process: ChildProcess) {}

  static async start(
    role: string,
    init: Message,
    profileDir?: string,
  ): Promise<{ child: Child; ports: Record<string, number> }> {
    // One folder per role: the TypeScript loader's worker thread writes a profile of its own.
    const profile = profileDir ? ["--cpu-prof", `--cpu-prof-dir=${profileDir}/${role}`] : [];
    const child = new Child(
      fork(fileURLToPath(import.meta.url), ["--role", role], {
        execArgv: ["--import", "tsx", "--expose-gc", ...profile],
      }),
    );
    const ready = child.next("ready");
    child.process.send(init);
    const message = (await ready) as Extract<Message, { type: "ready" }>;
    return { child, ports: message.ports };
  }

  next(type: Message["type"]): Promise<Message> {
    return new Promise((resolve, reject) => {
      const onMessage = (message: Message) => {
        if (message.type !== type) return;
        this.process.off("message", onMessage);
        this.process.off("exit", onExit);
        resolve(message);
      };
      const onExit = (code: number | null) => reject(new Error(`A benchmark child exited (${code}).`));
      this.process.on("message", onMessage);
      this.process.once("exit", onExit);
    });
  }

  async probe(): Promise<Extract<Message, { type: "probed" }>> {
    const answer = this.next("probed");
    this.process.send({ type: "probe" } satisfies Message);
    return (await answer) as Extract<Message, { type: "probed" }>;
  }

  async stop(): Promise<void> {
    if (this.process.exitCode !== null) return;
    const exited = once(this.process, "exit");
    this.process.send({ type: "stop" } satisfies Message);
    await exited;
  }
}

type Path = "direct TCP" | "direct TLS" | "relay";

async function openConnections(path: Path, count: number, ports: Record<string, number>, pems: Pems) {
  const open = async (): Promise<Socket> => {
    if (path === "direct TCP") {
      const socket = netConnect({ port: ports.tcp!, host: "127.0.0.1", noDelay: true });
      await once(socket, "connect");
      return socket;
    }
    const socket = tlsConnect({
      port: path === "relay" ? ports.edge! : ports.tls!,
      host: "127.0.0.1",
      servername: DEVICE_HOST,
      ca: pems.deviceCa,
    });
    await once(socket, "secureConnect");
    return socket;
  };
  const sockets: Socket[] = [];
  // In batches, as a fleet's devices would not all handshake in the same millisecond.
  while (sockets.length < count) {
    const batch = Math.min(50, count - sockets.length);
    sockets.push(...(await Promise.all(Array.from({ length: batch }, open))));
  }
  return sockets;
}

async function sendCounted(socket: Socket, bytes: number): Promise<void> {
  const acknowledged = once(socket, "data");
  const header = Buffer.alloc(8);
  header.writeBigUInt64BE(BigInt(bytes));
  socket.write(header);
  for (let left = bytes; left > 0;) {
    const chunk = left >= CHUNK.length ? CHUNK : CHUNK.subarray(0, left);
    left -= chunk.length;
    if (!socket.write(chunk)) await once(socket, "drain");
  }
  await acknowledged;
}

interface Sample {
  megabytesPerSecond: number;
  /** CPU time each process spent during the transfer, as a share of one core. */
  cpu?: { relay: number; server: number; devices: number };
}

/** Opens the connections, then times the transfer alone: handshakes are not part of it. */
async function measure(
  path: Path,
  streams: number,
  totalBytes: number,
  context: { ports: Record<string, number>; pems: Pems; relay: Child; server: Child },
): Promise<Sample> {
  const sockets = await openConnections(path, streams, context.ports, context.pems);
  const perStream = Math.floor(totalBytes / streams);
  const probes = () =>
    path === "relay" ? Promise.all([context.relay.probe(), context.server.probe()]) : undefined;
  const before = await probes();
  const devicesBefore = process.cpuUsage();
  const started = performance.now();
  await Promise.all(sockets.map((socket) => sendCounted(socket, perStream)));
  const elapsedMs = performance.now() - started;
  const devices = process.cpuUsage(devicesBefore);
  const after = await probes();
  for (const socket of sockets) socket.destroy();
  const sample: Sample = { megabytesPerSecond: (perStream * streams) / 1e6 / (elapsedMs / 1000) };
  if (before && after)
    sample.cpu = {
      relay: (after[0].cpuMs - before[0].cpuMs) / elapsedMs,
      server: (after[1].cpuMs - before[1].cpuMs) / elapsedMs,
      devices: (devices.user + devices.system) / 1000 / elapsedMs,
    };
  return sample;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const fmt = (value: number, digits = 0) => value.toFixed(digits);

async function main(): Promise<void> {
  const { values: args } = parseArgs({
    options: {
      mb: { type: "string", default: "256" },
      streams: { type: "string", default: "1,10,100" },
      runs: { type: "string", default: "5" },
      idle: { type: "string", default: "1000" },
      window: { type: "string" },
      "max-window": { type: "string" },
      "cpu-prof": { type: "string" },
    },
  });
  const totalBytes = Number(args.mb) * 1024 * 1024;
  const streamCounts = args.streams.split(",").map(Number);
  const runs = Number(args.runs);
  const idle = Number(args.idle);
  const flowControl: FlowControl = {
    ...DEFAULT_FLOW_CONTROL,
    streamWindowBytes: Number(args.window ?? DEFAULT_FLOW_CONTROL.streamWindowBytes),
    maxStreamWindowBytes: Number(args["max-window"] ?? DEFAULT_FLOW_CONTROL.maxStreamWindowBytes),
  };
  const profileDir = args["cpu-prof"];

  const pki = createTunnelPki();
  const pems: Pems = {
    relay: pki.relay,
    relayCa: pki.relayCa.cert,
    linkCa: pki.linkCa.cert,
    linkClient: pki.linkClient("server-1"),
    deviceServer: pki.deviceServer,
    deviceCa: pki.deviceCa.cert,
  };
  const relay = await Child.start("relay", { type: "init", pems, flowControl }, profileDir);
  const server = await Child.start(
    "server",
    { type: "init", pems, linkPort: relay.ports.link!, flowControl },
    profileDir,
  );
  const sink = await Child.start("sink", { type: "init", pems, flowControl });
  const ports = { ...relay.ports, ...sink.ports };

  const context = { ports, pems, relay: relay.child, server: server.child };
  const paths: Path[] = ["direct TCP", "direct TLS", "relay"];
  const percent = (share: number) => `${fmt(share * 100)}%`;

  try {
    const rows: string[][] = [];
    for (const streams of streamCounts) {
      const samples: Record<Path, Sample[]> = { "direct TCP": [], "direct TLS": [], relay: [] };
      // A small warm-up per path, then the runs interleaved so drift on a shared machine hits every path alike.
      for (const path of paths) await measure(path, streams, 8 * 1024 * 1024, context);
      for (let run = 0; run < runs; run++)
        for (const path of paths) samples[path].push(await measure(path, streams, totalBytes, context));
      const [direct, tls, relayed] = paths.map((path) =>
        median(samples[path].map((s) => s.megabytesPerSecond)),
      ) as [number, number, number];
      const cpu = (process: "relay" | "server" | "devices") =>
        median(samples.relay.map((s) => s.cpu![process]));
      rows.push([
        String(streams),
        fmt(direct),
        fmt(tls),
        fmt(relayed),
        percent(relayed / direct),
        percent(relayed / tls),
        `${percent(cpu("relay"))} · ${percent(cpu("server"))} · ${percent(cpu("devices"))}`,
        fmt(relayed / cpu("relay")),
        fmt(relayed / cpu("server")),
      ]);
    }

    const [relayBefore, serverBefore] = await Promise.all([relay.child.probe(), server.child.probe()]);
    const devices = await openConnections("relay", idle, ports, pems);
    await new Promise((resolve) => setTimeout(resolve, 500));
    const [relayAfter, serverAfter] = await Promise.all([relay.child.probe(), server.child.probe()]);
    for (const socket of devices) socket.destroy();
    const perConnection = (after: number, before: number) => fmt((after - before) / idle / 1024, 1);

    const cpu = cpus();
    console.log(
      `\n${cpu[0]?.model ?? "unknown CPU"}, ${cpu.length} cores, ${Math.round(totalmem() / 2 ** 30)} GiB RAM; ` +
        `Node ${process.version}; ${args.mb} MiB a transfer, median of ${runs} runs; stream window ${flowControl.streamWindowBytes / 1024} KiB growing to ${flowControl.maxStreamWindowBytes / 1024} KiB\n`,
    );
    console.log(
      markdownTable(
        [
          "streams",
          "direct TCP MB/s",
          "direct TLS MB/s",
          "relay path MB/s",
          "relay / TCP",
          "relay / TLS",
          "CPU relay · server · devices",
          "MB/s per relay core",
          "MB/s per server core",
        ],
        rows,
      ),
    );
    console.log(`\nMemory per idle device connection (${idle} open, TLS handshake done, after GC):\n`);
    console.log(
      markdownTable(
        ["process", "RSS KiB", "JS heap + external KiB"],
        [
          [
            "relay (edge socket + link stream)",
            perConnection(relayAfter.rss, relayBefore.rss),
            perConnection(relayAfter.heap, relayBefore.heap),
          ],
          [
            "server (link stream + device TLS)",
            perConnection(serverAfter.rss, serverBefore.rss),
            perConnection(serverAfter.heap, serverBefore.heap),
          ],
        ],
      ),
    );
  } finally {
    await Promise.all([relay.child.stop(), server.child.stop(), sink.child.stop()]);
  }
}

const roleIndex = process.argv.indexOf("--role");
if (roleIndex !== -1) {
  const role = process.argv[roleIndex + 1];
  answerProbes();
  process.on("message", (message: Message) => message.type === "stop" && process.exit(0));
  // A parent that died without saying "stop" leaves no orphan behind.
  process.once("disconnect", () => process.exit(0));
  process.once("message", (message: Message) => {
    if (message.type !== "init") return;
    const start = role === "relay" ? relayRole : role === "server" ? serverRole : sinkRole;
    start(message).catch((error: unknown) => {
      console.error(error);
      process.exit(1);
    });
  });
} else {
  await main();
}
