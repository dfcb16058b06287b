import { randomBytes } from "node:crypto";
import pg from "pg";

export const DEFAULT_TEST_POSTGRES = "postgres://postgres@127.0.0.1:5432/postgres";

export function testPostgresUrl(): string {
  return process.env.MERIDIAN_TEST_DATABASE_URL ?? DEFAULT_TEST_POSTGRES;
}

export interface ScratchDatabase {
  url: string;
  drop(): Promise<void>;
}

/**
 * Creates an empty database on the test PostgreSQL server and returns its URL. A server that cannot
 * be reached is an error with the fix in its message: these tests never skip silently.
 */
export async function createScratchDatabase(prefix = "meridian_test"): Promise<ScratchDatabase> {
  const adminUrl = testPostgresUrl();
  const admin = new pg.Client({ connectionString: adminUrl });
  try {
    await admin.connect();
  } catch (error) {
    throw new Error(
      `PostgreSQL is needed for these tests and is not reachable at ${adminUrl} (${(error as Error).message}). ` +
        "Start it (scripts/test.sh does) or point MERIDIAN_TEST_DATABASE_URL at a server where this user may create databases.",
      { cause: error },
    );
  }
  const name = `${prefix}_${randomBytes(6).toString("hex")}`;
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const client = new pg.Client({ connectionString: adminUrl });
      await client.connect();
      try {
        // A pool's end() returns once it has asked its connections to close, not once they have: a
        // forced drop at once would kill them mid-goodbye, and the FATAL it sends them surfaces as an
        // uncaught error in the test process. So wait for them to go; force only what lingers.
        for (let attempt = 0; ; attempt++) {
          try {
            await client.query(`DROP DATABASE IF EXISTS ${name}${attempt >= 50 ? " WITH (FORCE)" : ""}`);
            break;
          } catch (error) {
            // 55006: the database is being accessed by other users.
            if ((error as { code?: string }).code !== "55006" || attempt >= 50) throw error;
            await new Promise((resolve) => setTimeout(resolve, 100));
          }
        }
      } finally {
        await client.end();
      }
    },
  };
}
