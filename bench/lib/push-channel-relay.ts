/**
 * The relay of the push-channel benchmark, in a process of its own: `startRelay` with push-channel
 * workers, one server registered with one tenant CA. It answers the benchmark over IPC: the
 * processes to measure, channels held, and wake-ups sent as a server sends them (batches of 500).
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { relayConfigFromEnvironment, startRelay } from "@meridian/relay";

export type ToRelay =
  { type: "count"; id: number } | { type: "wake"; id: number; serials: string[] } | { type: "stop" };

export type FromRelay =
  | { type: "started"; edge: string; host: string; pids: number[] }
  | { type: "counted"; id: number; connected: number; pids: number[] }
  | { type: "woken"; id: number; delivered: number; ms: number };

const BATCH = 500;
const send = (message: FromRelay) => process.send!(message);
const dataDir = mkdtempSync(join(tmpdir(), "meridian-bench-push-relay-"));
const relay = await startRelay(
  relayConfigFromEnvironment(
    {},
    {
      dataDir,
      host: "relay.bench.test",
      linkPort: 0,
      edgePort: 0,
      logLevel: "warn",
      pushChannelWorkers: Number(process.env.BENCH_PUSH_WORKERS ?? "4"),
    },
  ),
);
const { server } = await relay.servers.register({
  name: "bench",
  maxDevices: 1_000_000,
  validDays: 30,
  features: [],
});
await relay.pushChannel.registerAuthorities(server.id, [process.env.BENCH_TENANT_CA!]);
const pids = () => [process.pid, ...relay.pushChannel.workerPids()];
send({ type: "started", edge: relay.edgeAddress, host: relay.host, pids: pids() });

process.on("message", (message: ToRelay) => {
  void (async () => {
    switch (message.type) {
      case "count":
        return send({
          type: "counted",
          id: message.id,
          connected: await relay.pushChannel.connected(),
          pids: pids(),
        });
      case "wake": {
        const started = performance.now();
        const batches: Array<Promise<boolean[]>> = [];
        for (let at = 0; at < message.serials.length; at += BATCH)
          batches.push(relay.pushChannel.wake(server.id, message.serials.slice(at, at + BATCH)));
        const delivered = (await Promise.all(batches)).flat().filter(Boolean).length;
        return send({ type: "woken", id: message.id, delivered, ms: performance.now() - started });
      }
      case "stop":
        await relay.stop();
        rmSync(dataDir, { recursive: true, force: true });
        process.exit(0);
    }
  })();
});

// Ends with the benchmark, whatever becomes of it.
process.on("disconnect", () => process.exit(0));
