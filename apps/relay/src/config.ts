import { resolve } from "node:path";

export interface RelayConfig {
  dataDir: string;
  /** The relay's public host name: devices reach its own API at this name on the edge port. */
  host: string;
  /** Registered servers get `<name>.<domain>`; by default the relay's host name. */
  domain: string;
  listenHost: string;
  linkPort: number;
  edgePort: number;
  databaseUrl: string | undefined;
  secretKey: string | undefined;
  logLevel: string;
  /**
   * Worker processes that hold the relay's own push channels; 0 keeps them in the relay's process.
   * One process may have only so many open files, so a node with more devices needs more workers.
   */
  pushChannelWorkers: number;
  /** Activation lookups allowed per device address per minute. */
  lookupsPerMinute: number;
  /** Where `GET /metrics` (Prometheus) is served; off when the port is undefined. */
  metrics: { host: string; port: number | undefined };
  /** Where pushes go: the real APNs, FCM and WNS unless these name others (local emulators). */
  push: {
    apnsUrl: string | undefined;
    fcmUrl: string | undefined;
    wnsTokenUrl: string | undefined;
    wnsChannelHosts: string[] | undefined;
    /** A PEM file of extra trust anchors for those services' certificates. */
    caFile: string | undefined;
  };
}

function port(name: string, text: string | undefined, fallback: number): number {
  if (text === undefined || text === "") return fallback;
  const value = Number(text);
  if (!Number.isInteger(value) || value < 0 || value > 65535)
    throw new Error(`${name} must be a port number from 0 to 65535, not "${text}".`);
  return value;
}

function count(name: string, text: string | undefined, fallback: number): number {
  if (text === undefined || text === "") return fallback;
  const value = Number(text);
  if (!Number.isInteger(value) || value < 0 || value > 64)
    throw new Error(`${name} must be a whole number from 0 to 64, not "${text}".`);
  return value;
}

function positive(name: string, text: string | undefined, fallback: number): number {
  if (text === undefined || text === "") return fallback;
  const value = Number(text);
  if (!Number.isInteger(value) || value < 1)
    throw new Error(`${name} must be a whole number of at least 1, not "${text}".`);
  return value;
}

export function relayConfigFromEnvironment(
  env: NodeJS.ProcessEnv,
  overrides: Partial<RelayConfig> = {},
): RelayConfig {
  const host = (overrides.host ?? env.MERIDIAN_RELAY_HOST ?? "relay.meridian.localhost").toLowerCase();
  const config: RelayConfig = {
    dataDir: resolve(env.MERIDIAN_RELAY_DATA_DIR ?? env.MERIDIAN_DATA_DIR ?? "data"),
    host,
    domain: (env.MERIDIAN_RELAY_DOMAIN ?? host).toLowerCase(),
    listenHost: env.MERIDIAN_RELAY_LISTEN_HOST ?? "127.0.0.1",
    linkPort: port("MERIDIAN_RELAY_LINK_PORT", env.MERIDIAN_RELAY_LINK_PORT, 3101),
    edgePort: port("MERIDIAN_RELAY_EDGE_PORT", env.MERIDIAN_RELAY_EDGE_PORT, 8443),
    databaseUrl: env.MERIDIAN_RELAY_DATABASE_URL || undefined,
    secretKey: env.MERIDIAN_SECRET_KEY || undefined,
    logLevel: env.MERIDIAN_LOG_LEVEL ?? "info",
    pushChannelWorkers: count("MERIDIAN_PUSH_CHANNEL_WORKERS", env.MERIDIAN_PUSH_CHANNEL_WORKERS, 0),
    lookupsPerMinute: positive(
      "MERIDIAN_RELAY_LOOKUPS_PER_MINUTE",
      env.MERIDIAN_RELAY_LOOKUPS_PER_MINUTE,
      30,
    ),
    metrics: {
      host: env.MERIDIAN_RELAY_METRICS_HOST || "127.0.0.1",
      port:
        env.MERIDIAN_RELAY_METRICS_PORT === undefined || env.MERIDIAN_RELAY_METRICS_PORT === ""
          ? undefined
          : port("MERIDIAN_RELAY_METRICS_PORT", env.MERIDIAN_RELAY_METRICS_PORT, 0),
    },
    push: {
      apnsUrl: env.MERIDIAN_PUSH_APNS_URL || undefined,
      fcmUrl: env.MERIDIAN_PUSH_FCM_URL || undefined,
      wnsTokenUrl: env.MERIDIAN_PUSH_WNS_TOKEN_URL || undefined,
      wnsChannelHosts: env.MERIDIAN_PUSH_WNS_CHANNEL_HOSTS?.split(",")
        .map((h) => h.trim())
        .filter(Boolean),
      caFile: env.MERIDIAN_PUSH_CA_FILE || undefined,
    },
  };
  const defined = Object.fromEntries(Object.entries(overrides).filter(([, v]) => v !== undefined));
  return { ...config, ...defined, ...(defined.dataDir ? { dataDir: resolve(String(defined.dataDir)) } : {}) };
}
