/**
 * `meridian users import` end to end: a 100,000-row CSV into a fresh SQLite server running in its own
 * process, timed from starting the CLI to its exit, then every user counted through the API.
 *
 *   node --import tsx bench/users-import.bench.ts        (BENCH_ROWS=10000 for a quick run)
 *
 * Prints one JSON line: {"rows":100000,"seconds":...,"rowsPerSecond":...}. Target: under 60 s.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { once } from "node:events";
import { createWriteStream } from "node:fs";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const ROWS = Number(process.env.BENCH_ROWS ?? 100_000);
const ROOT = fileURLToPath(new URL("..", import.meta.url));
const CLI = join(ROOT, "apps/cli/bin/meridian.js");
const ADMIN = { email: "admin@example.com", password: "a long admin password" };

async function freePort(): Promise<number> {
  const server = createServer();
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  const address = server.address();
  server.close();
  if (typeof address !== "object" || !address) throw new Error("no port");
  return address.port;
}

async function writeCsv(file: string, rows: number): Promise<void> {
  const out = createWriteStream(file);
  out.write("email,displayName,givenName,familyName\n");
  for (let i = 0; i < rows; i += 1) {
    const n = String(i).padStart(6, "0");
    if (!out.write(`user${n}@bench.example.com,Bench User ${n},Bench,User ${n}\n`)) await once(out, "drain");
  }
  out.end();
  await once(out, "finish");
}

function run(args: string[], env: NodeJS.ProcessEnv): Promise<{ code: number | null; stdout: string }> {
  const child = spawn(process.execPath, [CLI, ...args], {
    cwd: ROOT,
    env,
    stdio: ["ignore", "pipe", "inherit"],
  });
  let stdout = "";
  child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
  return new Promise((resolve, reject) => {
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout }));
  });
}

async function waitForHealth(url: string, server: ChildProcess): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`the server exited with ${server.exitCode}`);
    const ok = await fetch(`${url}/healthz`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`${url}/healthz did not answer within 60 s`);
}

async function countUsers(url: string, token: string): Promise<number> {
  let count = 0;
  let cursor: string | undefined;
  do {
    const query = new URLSearchParams({ limit: "500", ...(cursor ? { cursor } : {}) });
    const response = await fetch(`${url}/api/v1/users?${query}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    if (!response.ok) throw new Error(`GET /api/v1/users: ${response.status} ${await response.text()}`);
    const page = (await response.json()) as { items: unknown[]; nextCursor?: string };
    count += page.items.length;
    cursor = page.nextCursor;
  } while (cursor);
  return count;
}

const dir = await mkdtemp(join(tmpdir(), "meridian-import-bench-"));
const port = await freePort();
const url = `http://127.0.0.1:${port}`;
const env = { ...process.env, MERIDIAN_CLI_CONFIG: join(dir, "credentials.json") };
const server = spawn(process.execPath, [CLI, "start"], {
  cwd: ROOT,
  env: {
    ...process.env,
    MERIDIAN_DATA_DIR: join(dir, "data"),
    MERIDIAN_HTTP_PORT: String(port),
    MERIDIAN_ADMIN_EMAIL: ADMIN.email,
    MERIDIAN_ADMIN_PASSWORD: ADMIN.password,
    MERIDIAN_LOG_LEVEL: "warn",
  },
  stdio: ["ignore", "ignore", "inherit"],
});
try {
  const csv = join(dir, "users.csv");
  await Promise.all([writeCsv(csv, ROWS), waitForHealth(url, server)]);

  const login = await run(
    ["login", "--server", url, "--email", ADMIN.email, "--password", ADMIN.password],
    env,
  );
  if (login.code !== 0) throw new Error(`meridian login exited with ${login.code}`);

  const startedAt = performance.now();
  const imported = await run(["users", "import", csv], env);
  const seconds = (performance.now() - startedAt) / 1000;
  if (imported.code !== 0)
    throw new Error(`meridian users import exited with ${imported.code}:\n${imported.stdout}`);

  const { token } = JSON.parse(await readFile(env.MERIDIAN_CLI_CONFIG, "utf8")) as { token: string };
  const users = await countUsers(url, token);
  if (users !== ROWS) throw new Error(`expected ${ROWS} users on the server, found ${users}`);

  process.stdout.write(
    `${JSON.stringify({ rows: ROWS, seconds: Number(seconds.toFixed(2)), rowsPerSecond: Math.round(ROWS / seconds) })}\n`,
  );
} finally {
  server.kill("SIGTERM");
  if (server.exitCode === null) await once(server, "exit");
  await rm(dir, { recursive: true, force: true });
}
