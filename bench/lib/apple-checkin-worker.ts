/**
 * One process of simulated iPhones for bench/apple-checkins.bench.ts: enrols its share through the
 * relay (profile, SCEP, Authenticate, TokenUpdate, first inventory), then on "go SECONDS" has every
 * device send signed Idle reports back to back for that long and prints how many were answered.
 *   node --import tsx bench/lib/apple-checkin-worker.ts '<json options>'
 */
import { randomBytes } from "node:crypto";
import { createInterface } from "node:readline";
import { AppleDevice, type ApplePushListener } from "@meridian/simulator";

interface WorkerOptions {
  relay: { edge: string; host: string; caFingerprint: string };
  account: { email: string; password: string };
  count: number;
  concurrency: number;
  offset: number;
}

const options = JSON.parse(process.argv[2] ?? "{}") as WorkerOptions;
const say = (line: Record<string, unknown>) => process.stdout.write(`${JSON.stringify(line)}\n`);

// Idle reports need no push: the devices get tokens that nothing will ever push to.
const noPushes: ApplePushListener = {
  register: async (_topic, count) => Array.from({ length: count }, () => randomBytes(32).toString("hex")),
  listen: async () => undefined,
};

const devices: AppleDevice[] = [];
let failed = 0;
let lastError: string | undefined;
let next = 0;
await Promise.all(
  Array.from({ length: options.concurrency }, async () => {
    for (let i = next++; i < options.count; i = next++) {
      try {
        devices.push(
          await AppleDevice.enrol({
            relay: options.relay,
            address: options.account.email,
            password: options.account.password,
            platform: "ios",
            push: noPushes,
            index: options.offset + i,
            // The Idle body never changes: signed once, so the simulator's RSA does not eat the server's CPU.
            reuseIdleSignature: true,
          }),
        );
      } catch (error) {
        failed++;
        lastError = (error as Error).message;
      }
      if ((devices.length + failed) % 20 === 0) say({ progress: devices.length, failed });
    }
  }),
);
say({ ready: true, enrolled: devices.length, failed, lastError });

for await (const line of createInterface({ input: process.stdin })) {
  const [verb, argument] = line.split(" ");
  if (verb === "go") {
    const until = Date.now() + Number(argument) * 1000;
    let answered = 0;
    let errors = 0;
    await Promise.all(
      devices.map(async (device) => {
        while (Date.now() < until) {
          try {
            await device.wake();
            answered++;
          } catch {
            errors++;
          }
        }
      }),
    );
    say({ done: true, answered, errors });
  } else if (verb === "stop") break;
}
for (const device of devices) device.close();
process.exit(0);
