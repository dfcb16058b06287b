import SQLite from "better-sqlite3";
import { readFileSync } from "node:fs";
import { cpus, totalmem } from "node:os";
import pg from "pg";

export interface Machine {
  cpu: string;
  cores: number;
  ramGiB: number;
  node: string;
  sqlite: string;
  postgres: string | undefined;
}

function cpuModel(): string {
  try {
    const match = /^model name\s*:\s*(.+)$/m.exec(readFileSync("/proc/cpuinfo", "utf8"));
    if (match?.[1]) return match[1].trim();
  } catch {
    // Not Linux: fall back to what Node reports.
  }
  return cpus()[0]?.model ?? "unknown";
}

async function postgresVersion(url: string): Promise<string> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ server_version: string }>("SHOW server_version");
    return rows[0]?.server_version ?? "unknown";
  } finally {
    await client.end();
  }
}

/** What a reader needs to compare our numbers with theirs. */
export async function describeMachine(postgresUrl?: string): Promise<Machine> {
  const db = new SQLite(":memory:");
  const sqlite = (db.prepare("select sqlite_version() as v").get() as { v: string }).v;
  db.close();
  return {
    cpu: cpuModel(),
    cores: cpus().length,
    ramGiB: Math.round(totalmem() / 2 ** 30),
    node: process.version,
    sqlite,
    postgres: postgresUrl ? await postgresVersion(postgresUrl) : undefined,
  };
}

export function machineLine(m: Machine): string {
  const pgPart = m.postgres ? `, PostgreSQL ${m.postgres}` : "";
  return `${m.cpu}, ${m.cores} cores, ${m.ramGiB} GiB RAM; Node ${m.node}, SQLite ${m.sqlite}${pgPart}`;
}
