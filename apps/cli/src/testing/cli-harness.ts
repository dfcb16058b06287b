import { execFile } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { createServer } from "node:net";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { serverConfigFromEnvironment, startServer } from "@meridian/server";

export const ADMIN_EMAIL = "admin@example.com";
export const ADMIN_PASSWORD = "a long admin password";

const REPO_ROOT = fileURLToPath(new URL("../../../../", import.meta.url));

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

export interface CliTestbed {
  /** The server's base URL. */
  url: string;
  /** A scratch folder, removed at the end. */
  dir: string;
  /** Where the CLI keeps its credentials in these tests. */
  configPath: string;
  /** Runs `node apps/cli/bin/meridian.js ...args` as a child process, as a user would. */
  cli(args: string[], env?: Record<string, string>): Promise<CliResult>;
  /** Calls the API directly, signed in as the first administrator, to check what the CLI did. */
  api<T>(method: string, path: string, body?: unknown): Promise<T>;
  stop(): Promise<void>;
}

/** A port nothing listens on: bind one, note it, close it. */
export async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  if (typeof address !== "object" || !address) throw new Error("no port");
  return address.port;
}

export function runCli(args: string[], env: Record<string, string | undefined>): Promise<CliResult> {
  // The developer's own MERIDIAN_* settings must not leak into the tests.
  const clean = Object.fromEntries(
    Object.entries(process.env).filter(([key]) => !key.startsWith("MERIDIAN_")),
  );
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ["apps/cli/bin/meridian.js", ...args],
      { cwd: REPO_ROOT, env: { ...clean, ...env }, timeout: 60_000 },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === "number" ? error.code : 1) : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

/** A real Meridian server in this process, on a fresh SQLite database, and a CLI pointed at it. */
export async function startCliTestbed(): Promise<CliTestbed> {
  const dir = await mkdtemp(join(tmpdir(), "meridian-cli-"));
  const server = await startServer(
    serverConfigFromEnvironment(
      {},
      {
        dataDir: join(dir, "data"),
        httpPort: 0,
        host: "127.0.0.1",
        adminEmail: ADMIN_EMAIL,
        adminPassword: ADMIN_PASSWORD,
        logLevel: "silent",
      },
    ),
  );
  const configPath = join(dir, "config", "credentials.json");
  let token: string | undefined;

  async function request<T>(
    method: string,
    path: string,
    body: unknown,
    bearer: string | undefined,
  ): Promise<T> {
    const response = await fetch(server.url + path, {
      method,
      headers: {
        ...(bearer ? { authorization: `Bearer ${bearer}` } : {}),
        ...(body === undefined ? {} : { "content-type": "application/json" }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
    return (await response.json()) as T;
  }

  async function api<T>(method: string, path: string, body?: unknown): Promise<T> {
    token ??= (
      await request<{ token: string }>(
        "POST",
        "/api/v1/auth/login",
        { email: ADMIN_EMAIL, password: ADMIN_PASSWORD },
        undefined,
      )
    ).token;
    return request<T>(method, path, body, token);
  }

  return {
    url: server.url,
    dir,
    configPath,
    cli: (args, env = {}) => runCli(args, { MERIDIAN_CLI_CONFIG: configPath, ...env }),
    api,
    async stop() {
      await server.stop();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
