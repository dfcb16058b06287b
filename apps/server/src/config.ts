import type { AppleEnrollmentOptions } from "@meridian/core";
import { parseRelayUrl, type RelaySettings } from "./relay/relay-settings.js";
import { resolve } from "node:path";

export interface ServerConfig {
  dataDir: string;
  host: string;
  httpPort: number;
  databaseUrl: string | undefined;
  cloudMode: boolean;
  secretKey: string | undefined;
  adminEmail: string | undefined;
  adminPassword: string | undefined;
  logLevel: string;
  trustProxy: boolean;
  /** The relay this server links to (MERIDIAN_RELAY), if any. */
  relay: RelaySettings | undefined;
  /** The console's production build to serve at /console (MERIDIAN_CONSOLE_DIR); apps/console/dist when unset. */
  consoleDir?: string | undefined;
  /** Where `GET /metrics` (Prometheus) is served (MERIDIAN_METRICS_PORT, _HOST); off when the port is undefined. */
  metrics?: { host: string; port: number | undefined } | undefined;
  /** Apple enrollment tuning (identity lifetime, renewal window); the defaults suit production. */
  appleEnrollment?: Partial<AppleEnrollmentOptions> | undefined;
}

export const DEFAULT_ADMIN_EMAIL = "admin@meridian.local";

function integer(name: string, text: string | undefined, fallback: number, min: number, max: number): number {
  if (text === undefined || text === "") return fallback;
  const value = Number(text);
  if (!Number.isInteger(value) || value < min || value > max)
    throw new Error(`${name} must be a whole number from ${min} to ${max}, not "${text}".`);
  return value;
}

function mode(text: string | undefined): boolean {
  if (text === undefined || text === "" || text === "onprem" || text === "on-premises") return false;
  if (text === "cloud") return true;
  throw new Error(`MERIDIAN_MODE must be "onprem" or "cloud", not "${text}".`);
}

/** Reads MERIDIAN_* variables; flags given on the command line win over them. */
export function serverConfigFromEnvironment(
  env: NodeJS.ProcessEnv,
  overrides: Partial<ServerConfig> = {},
): ServerConfig {
  const config: ServerConfig = {
    dataDir: resolve(env.MERIDIAN_DATA_DIR ?? "data"),
    host: env.MERIDIAN_HTTP_HOST ?? "127.0.0.1",
    httpPort: integer("MERIDIAN_HTTP_PORT", env.MERIDIAN_HTTP_PORT, 8080, 0, 65535),
    databaseUrl: env.MERIDIAN_DATABASE_URL || undefined,
    cloudMode: mode(env.MERIDIAN_MODE),
    secretKey: env.MERIDIAN_SECRET_KEY || undefined,
    adminEmail: env.MERIDIAN_ADMIN_EMAIL || undefined,
    adminPassword: env.MERIDIAN_ADMIN_PASSWORD || undefined,
    logLevel: env.MERIDIAN_LOG_LEVEL ?? "info",
    trustProxy: env.MERIDIAN_TRUST_PROXY === "true",
    relay: env.MERIDIAN_RELAY
      ? parseRelayUrl(env.MERIDIAN_RELAY, env.MERIDIAN_RELAY_PROXY || undefined)
      : undefined,
    consoleDir: env.MERIDIAN_CONSOLE_DIR ? resolve(env.MERIDIAN_CONSOLE_DIR) : undefined,
    metrics: {
      host: env.MERIDIAN_METRICS_HOST || "127.0.0.1",
      port:
        env.MERIDIAN_METRICS_PORT === undefined || env.MERIDIAN_METRICS_PORT === ""
          ? undefined
          : integer("MERIDIAN_METRICS_PORT", env.MERIDIAN_METRICS_PORT, 0, 0, 65535),
    },
  };
  const defined = Object.fromEntries(Object.entries(overrides).filter(([, v]) => v !== undefined));
  return { ...config, ...defined, ...(defined.dataDir ? { dataDir: resolve(String(defined.dataDir)) } : {}) };
}
