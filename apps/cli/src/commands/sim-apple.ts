import { readFileSync } from "node:fs";
import type { RelayContact } from "@meridian/simulator";

export interface AppleSimOptions {
  platform: "ios" | "macos";
  relay: RelayContact;
  email: string;
  password: string;
  count: number;
  concurrency: number;
  durationSeconds: number;
  /** The APNs emulator's URL and the file holding the CA its TLS certificate is issued by. */
  apnsEmulator: string | undefined;
  apnsCa: string | undefined;
}

/**
 * `meridian sim ios|macos`: simulated iPhones or Macs enrolled through the relay, hearing their
 * pushes from an APNs emulator in another process (`meridian emulate apns` prints its URL and CA),
 * since a simulated device cannot reach Apple.
 */
export async function runAppleSim(options: AppleSimOptions): Promise<number> {
  const url = options.apnsEmulator ?? process.env.MERIDIAN_APNS_EMULATOR_URL;
  const caFile = options.apnsCa ?? process.env.MERIDIAN_APNS_EMULATOR_CA;
  if (!url || !caFile)
    throw new Error(
      "Simulated Apple devices hear pushes from the APNs emulator the relay pushes to: give its URL and CA file with --apns-emulator and --apns-ca (MERIDIAN_APNS_EMULATOR_URL, MERIDIAN_APNS_EMULATOR_CA).",
    );
  const ca = readFileSync(caFile, "utf8");
  const { networkPushListener, runAppleSimulation } = await import("@meridian/simulator");
  const stop = new AbortController();
  process.once("SIGINT", () => stop.abort());
  let last = 0;
  const result = await runAppleSimulation(
    {
      relay: options.relay,
      platform: options.platform,
      email: options.email,
      password: options.password,
      count: options.count,
      concurrency: options.concurrency,
      durationMs: options.durationSeconds * 1000,
      push: networkPushListener(url, ca),
      onProgress: (p) => {
        if (Date.now() - last < 1000 && p.enrolled + p.failed < options.count) return;
        last = Date.now();
        process.stderr.write(
          `\renrolled ${p.enrolled}/${options.count}, failed ${p.failed}, commands answered ${p.commands}${p.lastError ? ` (last error: ${p.lastError})` : ""}   `,
        );
      },
    },
    stop.signal,
  );
  process.stderr.write("\n");
  const rate = result.enrolled / Math.max(result.enrollmentSeconds, 0.001);
  process.stdout.write(
    `Enrolled ${result.enrolled} of ${options.count} ${options.platform === "ios" ? "iPhone(s)" : "Mac(s)"} in ${result.enrollmentSeconds.toFixed(1)} s (${rate.toFixed(1)}/s)` +
      (result.failed ? `; ${result.failed} failed, the last with: ${result.lastError}` : "") +
      `; ${result.commands} command(s) answered, ${result.pushes} push(es) received.\n`,
  );
  for (const device of result.devices) device.close();
  return result.failed > 0 ? 2 : 0;
}
