import { execFile, spawn, type ChildProcess } from "node:child_process";
import { createWriteStream, mkdtempSync, openSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { freePort, waitUntilHealthy } from "./child.js";

/** Starting Meridian's roles as separate processes, as they run in production, for the device benchmarks. */

const CLI = fileURLToPath(new URL("../../apps/cli/bin/meridian.js", import.meta.url));
export const BENCH_ADMIN = { email: "admin@example.com", password: "a long admin password" };

export interface RelayProcess {
  child: ChildProcess;
  dataDir: string;
  edge: string;
  host: string;
  caFingerprint: string;
  /** The connection string of a server registered at this relay (MERIDIAN_RELAY). */
  connection: string;
}

/**
 * Where a benchmark's relay or server writes its log (warnings and errors), kept after the run:
 * the system's temporary directory, or MERIDIAN_BENCH_LOGS.
 */
export function benchLogPath(role: "relay" | "server"): string {
  const dir = process.env.MERIDIAN_BENCH_LOGS ?? tmpdir();
  return join(dir, `meridian-bench-${role}-${process.pid}.log`);
}

/**
 * `meridian relay start` on fresh ports, with one server registered for `maxDevices` devices.
 * `env` adds to the relay's environment (MERIDIAN_PUSH_APNS_URL, say).
 */
export async function startRelayProcess(
  maxDevices: number,
  flags: string[] = [],
  env: Record<string, string> = {},
): Promise<RelayProcess> {
  const dataDir = mkdtempSync(join(tmpdir(), "meridian-bench-relay-"));
  const [linkPort, edgePort] = [await freePort(), await freePort()];
  const relayEnv = {
    ...process.env,
    ...env,
    MERIDIAN_RELAY_DATA_DIR: dataDir,
    MERIDIAN_RELAY_LINK_PORT: String(linkPort),
    MERIDIAN_RELAY_EDGE_PORT: String(edgePort),
    MERIDIAN_RELAY_LOOKUPS_PER_MINUTE: "1000000000",
    MERIDIAN_LOG_LEVEL: "warn",
  };
  const child = spawn(process.execPath, [...flags, CLI, "relay", "start"], {
    env: relayEnv,
    stdio: ["ignore", "pipe", "inherit"],
  });
  let banner = "";
  const log = createWriteStream(benchLogPath("relay"));
  child.stdout!.on("data", (chunk: Buffer) => {
    if (banner.length < 100_000) banner += chunk.toString();
    log.write(chunk);
  });
  const fingerprint = /Relay CA\s+SHA-256 ([0-9a-f]{64})/;
  for (let waited = 0; !fingerprint.test(banner); waited += 20) {
    if (child.exitCode !== null || waited > 30_000) throw new Error(`The relay did not start:\n${banner}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  const { stdout } = await promisify(execFile)(
    process.execPath,
    [CLI, "relay", "register-server", "--name", "bench", "--max-devices", String(maxDevices)],
    { env: relayEnv },
  );
  const url = new URL(/MERIDIAN_RELAY='([^']+)'/.exec(stdout)![1]!);
  // Dial the relay on loopback whatever its public name is.
  url.host = `127.0.0.1:${linkPort}`;
  url.searchParams.set("edge", `127.0.0.1:${edgePort}`);
  return {
    child,
    dataDir,
    edge: `127.0.0.1:${edgePort}`,
    host: url.searchParams.get("host")!,
    caFingerprint: fingerprint.exec(banner)![1]!,
    connection: url.toString(),
  };
}

export interface ServerProcess {
  child: ChildProcess;
  dataDir: string;
  base: string;
  token: string;
  /** Reads one of the server's Prometheus gauges (undefined when absent). */
  gauge(name: string): Promise<number | undefined>;
  /** JSON to and from the management API as the first administrator. */
  call<T>(method: string, path: string, body?: unknown): Promise<T>;
}

/**
 * `meridian start` linked to an outside relay (so it runs the server role alone), on a fresh data
 * directory or on `dataDir` (a server started again after its store was seeded).
 */
export async function startServerProcess(
  relay: RelayProcess,
  flags: string[] = [],
  dataDir = mkdtempSync(join(tmpdir(), "meridian-bench-server-")),
): Promise<ServerProcess> {
  const [httpPort, metricsPort] = [await freePort(), await freePort()];
  const child = spawn(process.execPath, [...flags, CLI, "start"], {
    env: {
      ...process.env,
      MERIDIAN_DATA_DIR: dataDir,
      MERIDIAN_HTTP_PORT: String(httpPort),
      MERIDIAN_METRICS_PORT: String(metricsPort),
      MERIDIAN_RELAY: relay.connection,
      MERIDIAN_ADMIN_EMAIL: BENCH_ADMIN.email,
      MERIDIAN_ADMIN_PASSWORD: BENCH_ADMIN.password,
      MERIDIAN_LOG_LEVEL: "warn",
    },
    stdio: ["ignore", openSync(benchLogPath("server"), "a"), "inherit"],
  });
  const base = `http://127.0.0.1:${httpPort}`;
  await waitUntilHealthy(`${base}/healthz`, child, 30_000, 50);
  let token = "";
  const call = async <T>(method: string, path: string, body?: unknown): Promise<T> => {
    const response = await fetch(`${base}${path}`, {
      method,
      headers: {
        ...(body === undefined ? {} : { "content-type": "application/json" }),
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await response.text();
    if (response.status >= 400) throw new Error(`${method} ${path}: ${response.status} ${text}`);
    return (text ? JSON.parse(text) : undefined) as T;
  };
  token = (await call<{ token: string }>("POST", "/api/v1/auth/login", BENCH_ADMIN)).token;
  for (
    let waited = 0;
    (await call<{ state: string }>("GET", "/api/v1/relay")).state !== "up";
    waited += 100
  ) {
    if (waited > 30_000) throw new Error("The server's relay link did not come up.");
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const gauge = async (name: string): Promise<number | undefined> => {
    const text = await (await fetch(`http://127.0.0.1:${metricsPort}/metrics`)).text();
    const match = new RegExp(`^${name} (\\S+)$`, "m").exec(text);
    return match ? Number(match[1]) : undefined;
  };
  return { child, dataDir, base, token, call, gauge };
}

/** Users with one multi-use activation each, enough for `devices` devices at `perUser` a user. */
export async function createAccounts(
  server: Pick<ServerProcess, "call">,
  devices: number,
  perUser: number,
): Promise<Array<{ email: string; password: string; count: number }>> {
  const accounts: Array<{ email: string; password: string; count: number }> = [];
  for (let i = 0; i * perUser < devices; i++) {
    const email = `bench${i}@example.com`;
    const user = await server.call<{ id: string }>("POST", "/api/v1/users", { email });
    const { password } = await server.call<{ password: string }>(
      "POST",
      `/api/v1/users/${user.id}/activations`,
      {
        singleUse: false,
        deviceLimit: perUser,
      },
    );
    accounts.push({ email, password, count: Math.min(perUser, devices - i * perUser) });
  }
  return accounts;
}

/** Resident memory of a process, in bytes. */
export function residentBytes(pid: number): number {
  const line = readFileSync(`/proc/${pid}/status`, "utf8")
    .split("\n")
    .find((l) => l.startsWith("VmRSS:"));
  return Number(/(\d+)/.exec(line ?? "")?.[1] ?? 0) * 1024;
}
