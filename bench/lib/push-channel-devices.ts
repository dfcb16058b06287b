/**
 * Devices of the push-channel benchmark: one process opens `BENCH_DEVICES` idle push channels to
 * the relay's edge, each with a certificate of its own (one key, many serials: issuing is the slow
 * part, not what is measured) from addresses spread over 127.0.0.0/8, a limited number of
 * handshakes at a time. It counts the wake-ups each device receives and says when every device has
 * had the wake-up of a round.
 */
import { connect as connectTcp } from "node:net";
import { connect, type TLSSocket } from "node:tls";
import { createCsr, generateKeyPair, loadCertificateAuthority, normalizeSerialNumber } from "@meridian/pki";
import { pushChannelHost } from "@meridian/protocol";
import { backoffDelay } from "@meridian/tunnel";

export type ToDevices = { type: "expect"; round: number } | { type: "progress" } | { type: "stop" };
export type FromDevices =
  | { type: "connected"; serials: string[]; failed: number; lastError?: string }
  | { type: "woken"; round: number; at: number }
  | { type: "progress"; round: number; reached: number; redials: number };

const send = (message: FromDevices) => process.send!(message);
const count = Number(process.env.BENCH_DEVICES);
const index = Number(process.env.BENCH_PROCESS_INDEX);
const [edgeHost, edgePort] = process.env.BENCH_EDGE!.split(":") as [string, string];
const servername = pushChannelHost(process.env.BENCH_RELAY_HOST!);
const HANDSHAKES_AT_ONCE = 64;

const ca = await loadCertificateAuthority(process.env.BENCH_TENANT_CA!, process.env.BENCH_TENANT_CA_KEY!);
const keys = await generateKeyPair();
const csr = await createCsr({ commonName: `bench-device-${index}`, keys: keys.keys });
const certificates: Array<{ cert: string; serial: string }> = [];
for (let n = 0; n < count; n++) {
  const issued = await ca.issueFromCsr(csr, { validityDays: 2, usage: "client" });
  certificates.push({
    cert: issued.certificatePem + ca.certificatePem,
    serial: normalizeSerialNumber(issued.serialNumber),
  });
}

/** Wake-ups each device has received; the round every device has reached is the minimum. */
const received = new Uint32Array(count);
let expectedRound = 0;
let reached = 0;
const sockets: TLSSocket[] = [];

function onWake(device: number): void {
  received[device]!++;
  if (received[device] === expectedRound && ++reached === count)
    send({ type: "woken", round: expectedRound, at: performance.timeOrigin + performance.now() });
}

function open(device: number): Promise<void> {
  return new Promise((resolve, reject) => {
    // 127.(10 + process).(device / 200).(1 + device % 200): about 200 connections per source address.
    const localAddress = `127.${10 + index}.${Math.floor(device / 200) % 256}.${1 + (device % 200)}`;
    const socket = connect({
      socket: connectTcp({ host: edgeHost, port: Number(edgePort), localAddress }),
      servername,
      key: keys.privateKeyPem,
      cert: certificates[device]!.cert,
      rejectUnauthorized: false,
    });
    let pending = "";
    socket.setEncoding("utf8");
    socket.on("data", (text: string) => {
      pending += text;
      for (let end = pending.indexOf("\n"); end >= 0; end = pending.indexOf("\n")) {
        if (pending.slice(0, end) === "wake") onWake(device);
        pending = pending.slice(end + 1);
      }
    });
    let up = false;
    socket.once("secureConnect", () => {
      up = true;
      resolve();
    });
    socket.once("error", reject);
    // A channel the relay drops once it was up is dialled again after a backoff, as a device does.
    // A dial that failed is the caller's to retry: redialling from here too would start a second loop.
    socket.once("close", () => {
      if (up && !stopping && sockets[device] === socket) void redial(device);
    });
    sockets[device] = socket;
  });
}

let stopping = false;
let redials = 0;
async function redial(device: number): Promise<void> {
  redials++;
  for (let failures = 0; !stopping; failures++) {
    await new Promise((resolve) => setTimeout(resolve, backoffDelay(failures)));
    if (
      await open(device).then(
        () => true,
        () => false,
      )
    )
      return;
  }
}

let next = 0;
let failed = 0;
let lastError: string | undefined;
await Promise.all(
  Array.from({ length: HANDSHAKES_AT_ONCE }, async () => {
    while (next < count) {
      const device = next++;
      await open(device).catch((error: Error) => {
        failed++;
        lastError = error.message;
        void redial(device);
      });
    }
  }),
);
send({ type: "connected", serials: certificates.map((c) => c.serial), failed, lastError });

process.on("message", (message: ToDevices) => {
  if (message.type === "stop") {
    stopping = true;
    for (const socket of sockets) socket?.destroy();
    process.exit(0);
  }
  if (message.type === "progress") return send({ type: "progress", round: expectedRound, reached, redials });
  expectedRound = message.round;
  reached = 0;
  for (const n of received) if (n >= expectedRound) reached++;
  if (reached === count)
    send({ type: "woken", round: expectedRound, at: performance.timeOrigin + performance.now() });
});

// Ends with the benchmark, whatever becomes of it.
process.on("disconnect", () => process.exit(0));
