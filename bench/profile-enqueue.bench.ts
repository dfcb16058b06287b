/**
 * How long sending one configuration profile to a whole Apple fleet takes to be accepted: one bulk
 * send of install_profile by a platform filter, on a fresh store with N enrolled iPhones.
 *
 *   node --import tsx bench/profile-enqueue.bench.ts [--devices N] [--rounds N] [--backend sqlite|postgres|both] [--write]
 *
 * Target (issue 5): 100,000 devices enqueued in under 2 s. The profile is stored once and each
 * command names it, so a send writes 100,000 small rows. Fleet's reports for comparison (not
 * runnable here): 15–35 s per profile change at 20,000 hosts (fleetdm/fleet#21338).
 */
import { mkdtempSync, rmSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { randomBytes } from "node:crypto";
import {
  ALL_PERMISSIONS,
  DEFAULT_TENANT_ID,
  createCore,
  newDeviceRecord,
  systemActor,
  systemClock,
  type Store,
} from "@meridian/core";
import { createSecretBox, nodeCrypto } from "@meridian/crypto";
import { openStore } from "@meridian/store";
import { createScratchDatabase, testPostgresUrl } from "@meridian/store/testing";
import { describeMachine, machineLine } from "./lib/machine.js";
import { writeResults } from "./lib/report.js";
import { markdownTable, ms, summarize } from "./lib/stats.js";

const { values: args } = parseArgs({
  options: {
    devices: { type: "string", default: "100000" },
    rounds: { type: "string", default: "3" },
    backend: { type: "string", default: "sqlite" },
    write: { type: "boolean" },
  },
});
const deviceCount = Number(args.devices);
const rounds = Number(args.rounds);
const backends = args.backend === "both" ? ["sqlite", "postgres"] : [args.backend!];
const TARGET_MS = 2_000;

async function openBackend(backend: string): Promise<{ store: Store; dispose(): Promise<void> }> {
  if (backend === "postgres") {
    const scratch = await createScratchDatabase("meridian_bench");
    const store = await openStore({ url: scratch.url, dataDir: mkdtempSync(join(tmpdir(), "bench-pg-")) });
    return { store, dispose: async () => (await store.close(), await scratch.drop()) };
  }
  const dir = mkdtempSync(join(tmpdir(), "bench-profile-"));
  const store = await openStore({ dataDir: dir });
  return { store, dispose: async () => (await store.close(), rmSync(dir, { recursive: true, force: true })) };
}

async function run(backend: string) {
  const { store, dispose } = await openBackend(backend);
  try {
    const core = createCore({
      store,
      crypto: nodeCrypto,
      secretBox: createSecretBox(randomBytes(32)),
      clock: systemClock,
    });
    await core.tenants.ensureDefaultTenant(false);
    const admin = systemActor(DEFAULT_TENANT_ID, "bench@example.com", ALL_PERMISSIONS);
    const now = Date.now();
    const seedStart = performance.now();
    for (let i = 0; i < deviceCount; i += 10_000) {
      const batch = Array.from({ length: Math.min(10_000, deviceCount - i) }, (_, j) =>
        newDeviceRecord(
          DEFAULT_TENANT_ID,
          { platform: "ios", name: `iPhone ${i + j}`, model: "iPhone15,2" },
          now,
        ),
      );
      await store.transaction((trx) => trx.forTenant(DEFAULT_TENANT_ID).devices.insertMany(batch));
    }
    process.stdout.write(
      `${backend}: seeded ${deviceCount} iPhones in ${ms(performance.now() - seedStart)}\n`,
    );
    const payload = Buffer.from(
      `<?xml version="1.0" encoding="UTF-8"?><plist version="1.0"><dict><key>PayloadType</key><string>Configuration</string>` +
        `<key>PayloadIdentifier</key><string>com.example.wifi</string><key>PayloadContent</key><array/>` +
        `<key>Padding</key><string>${"x".repeat(4000)}</string></dict></plist>`,
    );
    const { profile } = await core.profiles.save(admin, {
      payload,
      identifier: "com.example.wifi",
      name: "Office Wi-Fi",
      sha256: nodeCrypto.sha256(payload.toString()),
    });
    const samples: number[] = [];
    for (let round = 0; round < rounds; round++) {
      const start = performance.now();
      const { queued } = await core.commands.sendToMany(admin, {
        type: "install_profile",
        payload: { profileId: profile.id },
        filter: { platform: "ios" },
      });
      const elapsed = performance.now() - start;
      if (queued !== deviceCount) throw new Error(`queued ${queued}, expected ${deviceCount}`);
      samples.push(elapsed);
      process.stdout.write(`${backend}: round ${round + 1}: ${queued} commands in ${ms(elapsed)}\n`);
    }
    return { backend, samples };
  } finally {
    await dispose();
  }
}

const machine = await describeMachine(backends.includes("postgres") ? testPostgresUrl() : undefined);
const results = [];
for (const backend of backends) results.push(await run(backend));
const rows = results.map(({ backend, samples }) => {
  const s = summarize(samples);
  return [
    backend,
    String(deviceCount),
    ms(s.p50),
    ms(s.max),
    `${ms(TARGET_MS)}`,
    s.p50 < TARGET_MS ? "met" : "missed",
  ];
});
const table = markdownTable(["Store", "Devices", "Median", "Slowest", "Target", ""], rows);
process.stdout.write(`\n${table}\n`);
if (args.write)
  writeResults(
    "profile-enqueue",
    `${machineLine(machine)}, ${new Date().toISOString().slice(0, 10)}, load average ${loadavg()[0]!.toFixed(1)} at the end; ` +
      `${rounds} rounds, each one bulk send to every device.\n\n${table}`,
  );
