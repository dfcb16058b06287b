import type { Command } from "commander";

export function registerStart(program: Command): void {
  program
    .command("start")
    .description(
      "Run every Meridian role in one process on embedded defaults: the relay, and the server linked to it",
    )
    .option(
      "--data-dir <dir>",
      "where Meridian keeps its database and keys (MERIDIAN_DATA_DIR, default ./data)",
    )
    .option("--port <port>", "management API and console port (MERIDIAN_HTTP_PORT, default 8080)")
    .option("--host <address>", "address to listen on (MERIDIAN_HTTP_HOST, default 127.0.0.1)")
    .option(
      "--database-url <url>",
      "postgres://... or sqlite:FILE (MERIDIAN_DATABASE_URL, default SQLite in the data directory)",
    )
    .action(async (options: { dataDir?: string; port?: string; host?: string; databaseUrl?: string }) => {
      // Loaded here, not at the top: the roles take a while to load, which every other command would pay.
      const { startAllInOne } = await import("../all-in-one/start-all.js");
      const startedAt = performance.now();
      const env = { ...process.env, ...(options.port ? { MERIDIAN_HTTP_PORT: options.port } : {}) };
      const running = await startAllInOne(env, {
        dataDir: options.dataDir,
        host: options.host,
        databaseUrl: options.databaseUrl,
      });
      const { server, relay, serverConfig: config } = running;
      const took = Math.round(performance.now() - startedAt);
      const lines = [
        "",
        `Meridian is running (ready in ${took} ms).`,
        `  Management API  ${server.url}/api/v1`,
        `  API documentation  ${server.url}/api/v1/docs`,
        `  Data  ${config.databaseUrl ? config.databaseUrl.replace(/\/\/[^@/]*@/, "//***@") : config.dataDir}`,
      ];
      if (relay) {
        lines.push(
          `  Relay  devices connect to ${relay.edgeAddress} (host ${relay.host}); servers link to ${relay.linkAddress}`,
          `  Relay CA  SHA-256 ${relay.caFingerprint}`,
          "",
          "Try a simulated device: create a user and an activation, then run",
          `  meridian sim android --count 1 --relay ${relay.edgeAddress} --relay-host ${relay.host} --relay-ca ${relay.caFingerprint} --email USER --password ACTIVATION-PASSWORD`,
        );
      }
      if (server.firstAdministrator) {
        lines.push(
          "",
          "First administrator (Security Administrator):",
          `  Email     ${server.firstAdministrator.email}`,
        );
        if (server.firstAdministrator.generated) {
          lines.push(
            `  Password  ${server.firstAdministrator.password}`,
            "  This password is shown only now. Sign in and change it, or set MERIDIAN_ADMIN_PASSWORD before the first start.",
          );
        }
      }
      lines.push("", "Stop with Ctrl+C.", "");
      process.stdout.write(lines.join("\n"));
      const stop = async (signal: string) => {
        process.stdout.write(`\n${signal}: stopping Meridian...\n`);
        await running.stop();
        process.exit(0);
      };
      process.once("SIGINT", () => void stop("SIGINT"));
      process.once("SIGTERM", () => void stop("SIGTERM"));
    });
}
