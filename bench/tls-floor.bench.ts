/**
 * The floor under activation throughput: what a bare TLS handshake costs on this machine, with the
 * same certificates and protocol as a device's connections (TLS 1.3, ECDSA P-256, the chain checked
 * against a pinned CA), and nothing after it but one line each way. A device's activation opens three
 * such connections (the relay's own API, the activation exchange, the identity connection with its
 * new certificate), so this bounds the activations per second any implementation on Node's TLS could
 * reach here, before a single byte of HTTP, SPAKE2+, certificate issuance or database work.
 *
 *   node --import tsx bench/tls-floor.bench.ts [--handshakes N] [--concurrency C] [--runs R] [--client-certificate]
 *
 * The server runs in a child process (as a server would); this process is the devices. Reports
 * handshakes per second and CPU per handshake on each side.
 */
import { fork } from "node:child_process";
import { once } from "node:events";
import type { AddressInfo } from "node:net";
import { connect, createSecureContext, createServer } from "node:tls";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { DEVICE_HOST, createTunnelPki } from "../packages/tunnel/src/testing/tunnel-fixture.js";
import { describeMachine, machineLine } from "./lib/machine.js";
import { markdownTable } from "./lib/stats.js";

type ToServer =
  { type: "listen"; key: string; cert: string; ca: string } | { type: "cpu" } | { type: "stop" };
type FromServer = { type: "port"; port: number } | { type: "cpu"; micros: number };

if (process.argv[2] === "--serve") {
  process.on("message", (message: ToServer) => {
    if (message.type === "listen") {
      const server = createServer({
        key: message.key,
        cert: message.cert,
        ca: message.ca,
        requestCert: true,
        rejectUnauthorized: false,
      });
      server.on("secureConnection", (socket) => {
        socket.on("error", () => socket.destroy());
        socket.once("data", () => socket.end("ok\n"));
      });
      server.listen(0, "127.0.0.1", () =>
        process.send!({ type: "port", port: (server.address() as AddressInfo).port } satisfies FromServer),
      );
    } else if (message.type === "cpu") {
      const { user, system } = process.cpuUsage();
      process.send!({ type: "cpu", micros: user + system } satisfies FromServer);
    } else process.exit(0);
  });
} else {
  const { values } = parseArgs({
    options: {
      handshakes: { type: "string", default: "3000" },
      concurrency: { type: "string", default: "16" },
      runs: { type: "string", default: "3" },
      "client-certificate": { type: "boolean", default: false },
    },
  });
  const total = Number(values.handshakes);
  const concurrency = Number(values.concurrency);
  const pki = createTunnelPki();
  const device = pki.deviceCa.issue({ commonName: "device", usage: "client" });
  const child = fork(fileURLToPath(import.meta.url), ["--serve"], { execArgv: ["--import", "tsx"] });
  const ask = async <T extends FromServer["type"]>(message: ToServer, answer: T) => {
    child.send(message);
    for (;;) {
      const [reply] = (await once(child, "message")) as [FromServer];
      if (reply.type === answer) return reply as Extract<FromServer, { type: T }>;
    }
  };
  const { port } = await ask(
    { type: "listen", key: pki.deviceServer.key, cert: pki.deviceServer.cert, ca: pki.deviceCa.cert },
    "port",
  );

  // One context for every connection, as a device's HTTPS agent keeps one.
  const secureContext = createSecureContext({
    ca: pki.deviceCa.cert,
    ...(values["client-certificate"] ? { key: device.key, cert: device.cert } : {}),
  });
  const handshake = () =>
    new Promise<void>((resolve, reject) => {
      const socket = connect({ host: "127.0.0.1", port, servername: DEVICE_HOST, secureContext });
      socket.once("secureConnect", () => socket.write("hi\n"));
      socket.once("data", () => {
        socket.destroy();
        resolve();
      });
      socket.once("error", reject);
    });

  const rows: string[][] = [];
  for (let run = 1; run <= Number(values.runs); run++) {
    const serverBefore = (await ask({ type: "cpu" }, "cpu")).micros;
    const clientBefore = process.cpuUsage();
    const started = performance.now();
    let next = 0;
    await Promise.all(
      Array.from({ length: concurrency }, async () => {
        while (next++ < total) await handshake();
      }),
    );
    const seconds = (performance.now() - started) / 1000;
    const client = process.cpuUsage(clientBefore);
    const serverMicros = (await ask({ type: "cpu" }, "cpu")).micros - serverBefore;
    const clientPer = (client.user + client.system) / total / 1000;
    const serverPer = serverMicros / total / 1000;
    rows.push([
      String(run),
      (total / seconds).toFixed(0),
      serverPer.toFixed(2),
      clientPer.toFixed(2),
      // Three handshakes per activation on two cores, if nothing else cost anything.
      (2000 / (3 * (serverPer + clientPer))).toFixed(0),
    ]);
  }
  child.send({ type: "stop" } satisfies ToServer);
  const machine = await describeMachine();
  process.stdout.write(
    `${machineLine(machine)}; ${total} handshakes per run, ${concurrency} at once${values["client-certificate"] ? ", with a client certificate" : ""}.\n\n` +
      markdownTable(
        [
          "Run",
          "Handshakes per second",
          "Server CPU ms per handshake",
          "Client CPU ms per handshake",
          "Activations/s bound (3 handshakes, 2 cores)",
        ],
        rows,
      ) +
      "\n",
  );
}
