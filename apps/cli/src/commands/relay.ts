import type { Command } from "commander";
import { InvalidArgumentError } from "commander";

const positive = (value: string) => {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError("must be a whole number of at least 1");
  return n;
};

export function registerRelay(program: Command): void {
  const relay = program
    .command("relay")
    .description("Run a relay, and register servers at it (relay operators)");

  relay
    .command("start", { isDefault: true })
    .description("Run the relay alone: the link port for servers and the device edge")
    .option("--data-dir <dir>", "the relay's data directory (MERIDIAN_RELAY_DATA_DIR, default ./data)")
    .action(async (options: { dataDir?: string }) => {
      const { relayConfigFromEnvironment, startRelay } = await import("@meridian/relay");
      const running = await startRelay(relayConfigFromEnvironment(process.env, { dataDir: options.dataDir }));
      process.stdout.write(
        [
          "",
          "The Meridian relay is running.",
          `  Servers link to  ${running.linkAddress}`,
          `  Devices connect to  ${running.edgeAddress} (its own API at the name ${running.host})`,
          `  Relay CA  SHA-256 ${running.caFingerprint}`,
          "",
          "Register a server with: meridian relay register-server --name NAME",
          "",
        ].join("\n"),
      );
      const stop = async () => {
        await running.stop();
        process.exit(0);
      };
      process.once("SIGINT", () => void stop());
      process.once("SIGTERM", () => void stop());
    });

  relay
    .command("register-server")
    .description(
      "Register a server: prints its ID and authentication key once, as the connection string it needs",
    )
    .requiredOption(
      "--name <name>",
      "a short name; the server's devices reach it at <tenant>.<name>.<relay domain>",
    )
    .option("--max-devices <n>", "the licence's device limit", positive, 1000)
    .option("--valid-days <n>", "how long the licence lasts", positive, 365)
    .option("--features <list>", "licensed features, comma-separated", "")
    .option("--data-dir <dir>", "the relay's data directory (MERIDIAN_RELAY_DATA_DIR, default ./data)")
    .action(
      async (options: {
        name: string;
        maxDevices: number;
        validDays: number;
        features: string;
        dataDir?: string;
      }) => {
        const { join } = await import("node:path");
        const { createSecretBox, loadSecretKey } = await import("@meridian/crypto");
        const { loadRelayIdentity, openRelayDatabase, relayConfigFromEnvironment, ServerRegistry } =
          await import("@meridian/relay");
        const { formatRelayUrl } = await import("@meridian/server");
        const config = relayConfigFromEnvironment(process.env, { dataDir: options.dataDir });
        const { db } = await openRelayDatabase({ url: config.databaseUrl, dataDir: config.dataDir });
        try {
          const box = createSecretBox(
            loadSecretKey({ fromEnvironment: config.secretKey, keyFile: join(config.dataDir, "secret.key") }),
          );
          const identity = await loadRelayIdentity(db, box, config.host);
          const registry = new ServerRegistry(db, config.domain, identity.privateKeyPem);
          const features = options.features
            .split(",")
            .map((f) => f.trim())
            .filter(Boolean);
          const { server, authenticationKey } = await registry.register({
            name: options.name,
            maxDevices: options.maxDevices,
            validDays: options.validDays,
            features,
          });
          const url = formatRelayUrl({
            serverId: server.id,
            authenticationKey,
            link: `${config.host}:${config.linkPort}`,
            edge: `${config.host}:${config.edgePort}`,
            host: config.host,
            caFingerprint: identity.ca.fingerprint,
          });
          process.stdout.write(
            [
              `Registered server "${server.name}".`,
              `  Server ID  ${server.id}`,
              `  Authentication key  ${authenticationKey}   (shown only now; the relay keeps only its hash)`,
              `  Devices reach it at  <tenant>.${server.domain}`,
              `  Licence  ${options.maxDevices} devices until ${new Date(server.licence.licence.expiresAt).toISOString().slice(0, 10)}`,
              "",
              "On the server, set:",
              `  MERIDIAN_RELAY='${url}'`,
              "",
            ].join("\n"),
          );
        } finally {
          await db.destroy();
        }
      },
    );
}
