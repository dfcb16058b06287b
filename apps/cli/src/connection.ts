import { Option, type Command } from "commander";
import { createApiClient, type ApiClient } from "./api-client.js";
import { credentialsPath, readCredentials } from "./credentials.js";

export interface ConnectionOptions {
  server?: string;
  token?: string;
}

/** A mistake the user can fix, reported as one line and exit code 1. */
export class UsageError extends Error {
  override name = "UsageError";
}

/** --server and --token, with their environment variables, on a command that talks to the API. */
export function withConnectionOptions(command: Command): Command {
  return command
    .addOption(
      new Option(
        "--server <url>",
        "Meridian server, e.g. https://mdm.example.com (default: the one you signed in to)",
      ).env("MERIDIAN_SERVER"),
    )
    .addOption(
      new Option(
        "--token <token>",
        "session or API token (mrt_...) to use instead of the stored sign-in",
      ).env("MERIDIAN_TOKEN"),
    );
}

export function normaliseServerUrl(text: string): string {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new UsageError(`--server must be a URL such as https://mdm.example.com, not "${text}".`);
  }
  if (url.protocol !== "http:" && url.protocol !== "https:")
    throw new UsageError(`--server must be an http:// or https:// URL, not "${text}".`);
  return url.href.replace(/\/+$/, "");
}

/** Flags and environment win over what `meridian login` stored; a stored session past its expiry is not used. */
export async function connect(options: ConnectionOptions, now = Date.now()): Promise<ApiClient> {
  const stored = await readCredentials();
  const server = options.server ?? stored?.server;
  if (!server)
    throw new UsageError(
      "Not signed in: run meridian login --server URL --email EMAIL, or pass --server and --token.",
    );
  const url = normaliseServerUrl(server);
  if (options.token) return createApiClient(url, options.token);
  if (!stored)
    throw new UsageError(
      `Not signed in to ${url}: run meridian login --server ${url} --email EMAIL, or pass --token.`,
    );
  if (normaliseServerUrl(stored.server) !== url) {
    throw new UsageError(
      `You are signed in to ${stored.server}, not ${url}: run meridian login --server ${url}, or pass --token.`,
    );
  }
  if (stored.expiresAt <= now) {
    throw new UsageError(
      `Your session on ${url} ended at ${new Date(stored.expiresAt).toLocaleString()}; run meridian login again (credentials in ${credentialsPath()}).`,
    );
  }
  return createApiClient(url, stored.token);
}
