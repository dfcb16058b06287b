import type { Command } from "commander";
import { InvalidArgumentError } from "commander";

const port = (value: string) => {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 65535)
    throw new InvalidArgumentError("must be a port from 0 to 65535");
  return n;
};

export function registerEmulate(program: Command): void {
  program
    .command("emulate")
    .description(
      "Run a local APNs, FCM or WNS emulator that speaks the real wire protocol, for demos and tests; " +
        "point the relay at it with MERIDIAN_PUSH_APNS_URL, MERIDIAN_PUSH_FCM_URL or MERIDIAN_PUSH_WNS_TOKEN_URL",
    )
    .argument("<service>", "apns, fcm or wns")
    .option("--port <n>", "the port to listen on (0 picks a free one)", port, 0)
    .option("--host <address>", "the address to listen on", "127.0.0.1")
    .option("--topic <name>", "APNs: the topic of its demo device; FCM: the project ID")
    .option("--tls", "FCM and WNS: serve HTTPS with a local CA (APNs always does)")
    .action(
      async (service: string, options: { port: number; host: string; topic?: string; tls?: boolean }) => {
        if (service !== "apns" && service !== "fcm" && service !== "wns")
          throw new InvalidArgumentError(`There is no ${service} emulator; choose apns, fcm or wns.`);
        const { runEmulator } = await import("@meridian/emulators");
        const running = await runEmulator(service, {
          port: options.port,
          host: options.host,
          ...(options.topic ? { topic: options.topic } : {}),
          ...(options.tls ? { tls: true } : {}),
        });
        process.stdout.write("Press Ctrl+C to stop.\n");
        const stop = () => void running.close().finally(() => process.exit(0));
        process.once("SIGINT", stop);
        process.once("SIGTERM", stop);
      },
    );
}
