import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { pathToFileURL } from "node:url";
import type { Command } from "commander";

interface ConsoleBuilder {
  consoleIsFresh(): boolean;
  buildConsole(): Promise<void>;
}

/**
 * Starts rebuilding the console in the background when its sources are newer than its build, so
 * start-up does not wait for it (docs/decisions/0010). Not when MERIDIAN_CONSOLE_DIR names a build
 * of its own, or the console's workspace is not installed.
 */
async function rebuildConsoleIfStale(consoleDir: string | undefined): Promise<Promise<void> | undefined> {
  if (consoleDir) return undefined;
  let builder: ConsoleBuilder;
  try {
    const root = dirname(createRequire(import.meta.url).resolve("@meridian/console/package.json"));
    // Loaded by path at run time: the builder finds the console beside itself, so it stays out of the bundle.
    builder = (await import(pathToFileURL(join(root, "build", "console-build.js")).href)) as ConsoleBuilder;
  } catch {
    return undefined;
  }
  if (builder.consoleIsFresh()) return undefined;
  const building = builder.buildConsole();
  building.then(
    () => process.stdout.write("The console is built.\n"),
    (error: unknown) => process.stderr.write(`meridian: cannot build the console: ${String(error)}\n`),
  );
  return building;
}

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
      const consoleBuild = await rebuildConsoleIfStale(config.consoleDir);
      const took = Math.round(performance.now() - startedAt);
      const lines = [
        "",
        `Meridian is running (ready in ${took} ms).`,
        `  Console  ${server.url}/console/${consoleBuild ? "  (being built: ready in a few seconds)" : ""}`,
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
