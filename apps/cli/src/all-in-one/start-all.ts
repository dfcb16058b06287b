import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { createSecretBox, loadSecretKey } from "@meridian/crypto";
import { relayConfigFromEnvironment, startRelay, type RunningRelay } from "@meridian/relay";
import {
  serverConfigFromEnvironment,
  startServer,
  type RunningServer,
  type ServerConfig,
} from "@meridian/server";

export interface AllInOne {
  server: RunningServer;
  /** Absent when MERIDIAN_RELAY names an outside relay. */
  relay: RunningRelay | undefined;
  serverConfig: ServerConfig;
  stop(): Promise<void>;
}

/** The embedded server's registration at the embedded relay, sealed with the data directory's key. */
const REGISTRATION_FILE = "embedded-relay-registration";

/**
 * Every role in one process: the relay, then the server linked to it over the real outbound link on
 * loopback, exactly as separate machines would be. On first start the server registers itself at the
 * embedded relay; the registration is kept for the next start.
 */
export async function startAllInOne(
  env: NodeJS.ProcessEnv,
  overrides: Partial<ServerConfig> = {},
): Promise<AllInOne> {
  const serverConfig = serverConfigFromEnvironment(env, overrides);
  if (serverConfig.relay) {
    const server = await startServer(serverConfig);
    return { server, relay: undefined, serverConfig, stop: () => server.stop() };
  }
  const relay = await startRelay(relayConfigFromEnvironment(env, { dataDir: serverConfig.dataDir }));
  try {
    const box = createSecretBox(
      loadSecretKey({
        fromEnvironment: serverConfig.secretKey,
        keyFile: join(serverConfig.dataDir, "secret.key"),
      }),
    );
    const file = join(serverConfig.dataDir, REGISTRATION_FILE);
    let registration = existsSync(file)
      ? (JSON.parse(box.open(readFileSync(file, "utf8"))) as { serverId: string; authenticationKey: string })
      : undefined;
    if (
      !registration ||
      !(await relay.servers.authenticate(registration.serverId, registration.authenticationKey))
    ) {
      const name = env.MERIDIAN_SERVER_NAME ?? "local";
      const existing = (await relay.servers.list()).find((s) => s.name === name);
      if (existing) await relay.servers.revoke(existing.id);
      const created = await relay.servers.register({
        name: existing ? `${name}-${Date.now().toString(36)}` : name,
        maxDevices: 1_000_000,
        validDays: 3650,
        features: ["all-in-one"],
      });
      registration = { serverId: created.server.id, authenticationKey: created.authenticationKey };
      mkdirSync(serverConfig.dataDir, { recursive: true });
      writeFileSync(file, box.seal(JSON.stringify(registration)), { mode: 0o600 });
    }
    serverConfig.relay = {
      ...registration,
      link: relay.linkAddress,
      edge: relay.edgeAddress,
      host: relay.host,
      caFingerprint: relay.caFingerprint,
    };
    const server = await startServer(serverConfig);
    return {
      server,
      relay,
      serverConfig,
      async stop() {
        await server.stop();
        await relay.stop();
      },
    };
  } catch (error) {
    await relay.stop();
    throw error;
  }
}
