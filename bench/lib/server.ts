import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startServer, type RunningServer, type ServerConfig } from "@meridian/server";

export const BENCH_ADMIN = { email: "bench@meridian.test", password: "bench-password-not-secret" };

export function tempDataDir(prefix = "meridian-bench-"): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** The real server start path (migrations, default tenant, first administrator, Fastify) on port 0. */
export async function startBenchServer(dataDir: string, databaseUrl?: string): Promise<RunningServer> {
  const config: ServerConfig = {
    dataDir,
    host: "127.0.0.1",
    httpPort: 0,
    databaseUrl,
    cloudMode: false,
    secretKey: undefined,
    adminEmail: BENCH_ADMIN.email,
    adminPassword: BENCH_ADMIN.password,
    logLevel: "silent",
    trustProxy: false,
    relay: undefined,
  };
  return startServer(config);
}

export interface TimedResponse<T> {
  status: number;
  /** From the `server-timing: app;dur=X` header. */
  serverMs: number;
  /** From just before the request is sent until the body has been read and parsed. */
  clientMs: number;
  body: T;
}

/** A client for one server and one session; Node's fetch keeps the connection alive between requests. */
export class BenchClient {
  private token = "";

  constructor(readonly baseUrl: string) {}

  async login(email = BENCH_ADMIN.email, password = BENCH_ADMIN.password): Promise<void> {
    const response = await fetch(`${this.baseUrl}/api/v1/auth/login`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ email, password }),
    });
    if (!response.ok) throw new Error(`Sign-in failed with ${response.status}: ${await response.text()}`);
    this.token = ((await response.json()) as { token: string }).token;
  }

  async get<T>(path: string): Promise<TimedResponse<T>> {
    const started = performance.now();
    const response = await fetch(`${this.baseUrl}${path}`, {
      headers: { authorization: `Bearer ${this.token}` },
    });
    const body = (await response.json()) as T;
    const clientMs = performance.now() - started;
    const match = /app;dur=([0-9.]+)/.exec(response.headers.get("server-timing") ?? "");
    if (!match) throw new Error(`GET ${path} answered without a server-timing header.`);
    if (response.status !== 200)
      throw new Error(`GET ${path} answered ${response.status}: ${JSON.stringify(body)}`);
    return { status: response.status, serverMs: Number(match[1]), clientMs, body };
  }
}
