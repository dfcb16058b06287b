import { chmod, mkdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import { homedir } from "node:os";
import { dirname, join } from "node:path";

/** What `meridian login` keeps between commands. */
export interface StoredCredentials {
  server: string;
  token: string;
  /** Unix time in milliseconds. */
  expiresAt: number;
}

export function credentialsPath(env: NodeJS.ProcessEnv = process.env): string {
  if (env.MERIDIAN_CLI_CONFIG) return env.MERIDIAN_CLI_CONFIG;
  const configHome = env.XDG_CONFIG_HOME || join(homedir(), ".config");
  return join(configHome, "meridian", "credentials.json");
}

export async function readCredentials(path = credentialsPath()): Promise<StoredCredentials | undefined> {
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw error;
  }
  const parsed = JSON.parse(text) as Partial<StoredCredentials>;
  if (
    typeof parsed.server !== "string" ||
    typeof parsed.token !== "string" ||
    typeof parsed.expiresAt !== "number"
  ) {
    throw new Error(`${path} is not a Meridian credentials file; delete it and run meridian login.`);
  }
  return { server: parsed.server, token: parsed.token, expiresAt: parsed.expiresAt };
}

/** Writes the token readable by its owner only, and never leaves a half-written file behind. */
export async function writeCredentials(
  credentials: StoredCredentials,
  path = credentialsPath(),
): Promise<void> {
  await mkdir(dirname(path), { recursive: true, mode: 0o700 });
  const temporary = `${path}.${process.pid}.tmp`;
  await writeFile(temporary, `${JSON.stringify(credentials, null, 2)}\n`, { mode: 0o600 });
  // The mode given to writeFile is filtered by the umask; make sure it is exactly 0600.
  await chmod(temporary, 0o600);
  await rename(temporary, path);
}

export async function deleteCredentials(path = credentialsPath()): Promise<void> {
  await rm(path, { force: true });
}
