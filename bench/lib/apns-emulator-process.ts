/**
 * The APNs emulator in a process of its own, for the benchmarks whose relay pushes to it: its CPU and
 * memory are then its own, not the benchmark's. Trusts one MDM push certificate (the provider's TLS
 * client certificate) and serves the device API simulated devices listen on.
 */
import { fork, type ChildProcess } from "node:child_process";
import { once } from "node:events";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { ApnsEmulator } from "@meridian/emulators";

export interface ApnsEmulatorProcess {
  child: ChildProcess;
  url: string;
  /** The PEM a client must trust to reach `url`. */
  ca: string;
  /** `ca` written to a file, for MERIDIAN_PUSH_CA_FILE. */
  caFile: string;
}

interface Ready {
  url: string;
  ca: string;
}

export async function startApnsEmulatorProcess(trustedCertificatePem: string): Promise<ApnsEmulatorProcess> {
  const child = fork(fileURLToPath(import.meta.url), ["--serve", trustedCertificatePem], {
    execArgv: ["--import", "tsx"],
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  const [ready] = (await Promise.race([
    once(child, "message"),
    once(child, "exit").then(() => {
      throw new Error("The APNs emulator process ended before it was ready.");
    }),
  ])) as [Ready];
  const caFile = join(mkdtempSync(join(tmpdir(), "meridian-bench-apns-")), "ca.pem");
  writeFileSync(caFile, ready.ca);
  return { child, url: ready.url, ca: ready.ca, caFile };
}

async function serve(trustedCertificatePem: string): Promise<void> {
  const emulator = await ApnsEmulator.start({
    trustedClientCertificates: [trustedCertificatePem],
    maxConcurrentStreams: 500,
  });
  process.on("disconnect", () => void emulator.close().then(() => process.exit(0)));
  process.send!({ url: emulator.url, ca: emulator.ca } satisfies Ready);
}

if (process.argv[2] === "--serve") await serve(process.argv[3]!);
