import type { Command } from "commander";
import { InvalidArgumentError } from "commander";

const positive = (value: string) => {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError("must be a whole number of at least 1");
  return n;
};

const seconds = (value: string) => {
  const n = Number(value);
  if (!Number.isFinite(n) || n < 0) throw new InvalidArgumentError("must be a number of seconds");
  return n;
};

const wakeMode = (value: string) => {
  if (value !== "push" && value !== "poll") throw new InvalidArgumentError('must be "push" or "poll"');
  return value;
};

interface SimOptions {
  count: number;
  relay: string;
  relayHost: string;
  relayCa?: string;
  email: string;
  password?: string;
  concurrency: number;
  duration: number;
  wake: "push" | "poll";
  apnsEmulator?: string;
  apnsCa?: string;
}

export function registerSim(program: Command): void {
  program
    .command("sim")
    .description(
      "Simulated devices: activate or enrol them through the relay, report inventory, carry out commands",
    )
    .argument(
      "<platform>",
      "android, generic (an agent device of any platform), ios (iPhones) or macos (Macs) through Apple MDM",
    )
    .requiredOption("--email <address>", "the user the devices activate for")
    .option(
      "--password <password>",
      "the activation password (MERIDIAN_ACTIVATION_PASSWORD); a multi-use activation with a large enough device limit serves many devices",
    )
    .option("--count <n>", "how many devices", positive, 1)
    .option(
      "--relay <host:port>",
      "the relay's device edge (MERIDIAN_RELAY_EDGE)",
      process.env.MERIDIAN_RELAY_EDGE ?? "127.0.0.1:8443",
    )
    .option(
      "--relay-host <name>",
      "the relay's host name (MERIDIAN_RELAY_HOST)",
      process.env.MERIDIAN_RELAY_HOST ?? "relay.meridian.localhost",
    )
    .option(
      "--relay-ca <sha256>",
      "the relay CA's SHA-256 fingerprint, as `meridian start` printed it (MERIDIAN_RELAY_CA_FINGERPRINT)",
    )
    .option("--concurrency <n>", "devices activating (or enrolling) at once", positive, 8)
    .option(
      "--duration <seconds>",
      "then keep the devices connected and answering commands this long",
      seconds,
      0,
    )
    .option(
      "--wake <how>",
      "how running devices learn of commands: push (the relay's own push channel) or poll (a long poll)",
      wakeMode,
      "push",
    )
    .option(
      "--apns-emulator <url>",
      "ios/macos: the APNs emulator the relay pushes to, where the devices listen (MERIDIAN_APNS_EMULATOR_URL)",
    )
    .option(
      "--apns-ca <file>",
      "ios/macos: the PEM CA file of that emulator's TLS certificate (MERIDIAN_APNS_EMULATOR_CA)",
    )
    .action(async (platform: string, options: SimOptions) => {
      if (!["android", "generic", "ios", "macos"].includes(platform))
        throw new Error(`meridian sim knows android, generic, ios and macos devices, not "${platform}".`);
      const password = options.password ?? process.env.MERIDIAN_ACTIVATION_PASSWORD;
      const fingerprint = (options.relayCa ?? process.env.MERIDIAN_RELAY_CA_FINGERPRINT)
        ?.replace(/:/g, "")
        .toLowerCase();
      if (!password)
        throw new Error("Give the activation password with --password or MERIDIAN_ACTIVATION_PASSWORD.");
      if (!fingerprint)
        throw new Error("Give the relay CA's fingerprint with --relay-ca (meridian start prints it).");
      const relay = { edge: options.relay, host: options.relayHost, caFingerprint: fingerprint };
      if (platform === "ios" || platform === "macos") {
        const { runAppleSim } = await import("./sim-apple.js");
        process.exitCode = await runAppleSim({
          platform,
          relay,
          email: options.email,
          password,
          count: options.count,
          concurrency: options.concurrency,
          durationSeconds: options.duration,
          apnsEmulator: options.apnsEmulator,
          apnsCa: options.apnsCa,
        });
        return;
      }
      const { runSimulation } = await import("@meridian/simulator");
      const stop = new AbortController();
      process.once("SIGINT", () => stop.abort());
      let last = 0;
      const result = await runSimulation(
        {
          relay,
          email: options.email,
          password,
          platform: "android",
          count: options.count,
          concurrency: options.concurrency,
          durationMs: options.duration * 1000,
          wakeBy: options.wake === "poll" ? "long-poll" : "relay-push",
          onProgress: (p) => {
            if (Date.now() - last < 1000 && p.activated + p.failed < options.count) return;
            last = Date.now();
            process.stderr.write(
              `\ractivated ${p.activated}/${options.count}, failed ${p.failed}${p.lastError ? ` (last: ${p.lastError})` : ""}   `,
            );
          },
        },
        stop.signal,
      );
      process.stderr.write("\n");
      const rate = result.activated / Math.max(result.activationSeconds, 0.001);
      process.stdout.write(
        `Activated ${result.activated} of ${options.count} device(s) in ${result.activationSeconds.toFixed(1)} s (${rate.toFixed(1)}/s)` +
          (result.failed ? `; ${result.failed} failed, the last with: ${result.lastError}` : "") +
          (options.duration
            ? `; ${result.commands} command(s) carried out` +
              (options.wake === "push" ? `, ${result.wakes} push wake-up(s) received` : "")
            : "") +
          ".\n",
      );
      for (const device of result.devices) device.close();
      process.exitCode = result.failed > 0 ? 2 : 0;
    });
}
