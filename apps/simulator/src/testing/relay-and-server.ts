import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { relayConfigFromEnvironment, startRelay, type RelayConfig, type RunningRelay } from "@meridian/relay";
import {
  serverConfigFromEnvironment,
  startServer,
  type RunningServer,
  type ServerConfig,
} from "@meridian/server";
import type { RelayContact } from "../agent/activate.js";

export const ADMIN = { email: "admin@example.com", password: "a long admin password" };

export type ApiCall = <T>(
  method: string,
  path: string,
  body?: unknown,
) => Promise<{ status: number; body: T }>;

export interface RelayAndServer {
  relay: RunningRelay;
  server: RunningServer;
  relayContact: RelayContact;
  dirs: { relay: string; server: string };
  /** Calls the management API as the first administrator. */
  api: ApiCall;
  /** Calls the management API as another administrator (a tenant's, in cloud mode). */
  apiAs(administrator: { email: string; password: string }): ApiCall;
  restartRelay(): Promise<void>;
  restartServer(): Promise<void>;
  stop(): Promise<void>;
}

/** A real relay and a real server on loopback, the server registered at the relay and linked to it. */
export async function startRelayAndServer(
  options: {
    maxDevices?: number;
    /** socks5://… or http://…: the server reaches the relay through it. */
    proxy?: string;
    /** Where the relay sends pushes (local emulators). */
    relayPush?: RelayConfig["push"];
    /** Worker processes for the relay's push channel; none by default. */
    pushChannelWorkers?: number;
    /** Server settings beyond the test defaults (Apple identity lifetime, renewal window...). */
    server?: Partial<ServerConfig>;
  } = {},
): Promise<RelayAndServer> {
  const dirs = {
    relay: mkdtempSync(join(tmpdir(), "meridian-relay-")),
    server: mkdtempSync(join(tmpdir(), "meridian-server-")),
  };
  const relayConfig = relayConfigFromEnvironment(
    {},
    {
      dataDir: dirs.relay,
      host: "relay.meridian.test",
      linkPort: 0,
      edgePort: 0,
      logLevel: "silent",
      metrics: { host: "127.0.0.1", port: 0 },
      ...(options.relayPush ? { push: options.relayPush } : {}),
      pushChannelWorkers: options.pushChannelWorkers ?? 0,
    },
  );
  let relay = await startRelay(relayConfig);
  const { server: registered, authenticationKey } = await relay.servers.register({
    name: "acme",
    maxDevices: options.maxDevices ?? 100,
    validDays: 30,
    features: [],
  });
  const [linkHost, linkPort] = relay.linkAddress.split(":");
  const edgePort = relay.edgeAddress.split(":")[1];
  // Later restarts keep the same ports, as a real relay would.
  relayConfig.linkPort = Number(linkPort);
  relayConfig.edgePort = Number(edgePort);
  const relaySettings = {
    serverId: registered.id,
    authenticationKey,
    link: `${linkHost}:${linkPort}`,
    edge: relay.edgeAddress,
    host: relay.host,
    caFingerprint: relay.caFingerprint,
    proxy: options.proxy,
  };
  const serverConfig = serverConfigFromEnvironment(
    {},
    {
      dataDir: dirs.server,
      httpPort: 0,
      host: "127.0.0.1",
      adminEmail: ADMIN.email,
      adminPassword: ADMIN.password,
      logLevel: "silent",
      metrics: { host: "127.0.0.1", port: 0 },
      ...options.server,
    },
  );
  serverConfig.relay = relaySettings;
  let server = await startServer(serverConfig);
  await server.relay!.whenSynced();
  const apiAs = (administrator: { email: string; password: string }): ApiCall => {
    let token: string | undefined;
    return async <T>(method: string, path: string, body?: unknown) => {
      if (!token) {
        const login = await fetch(`${server.url}/api/v1/auth/login`, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify(administrator),
        });
        token = ((await login.json()) as { token: string }).token;
      }
      const response = await fetch(`${server.url}${path}`, {
        method,
        headers: {
          authorization: `Bearer ${token}`,
          ...(body === undefined ? {} : { "content-type": "application/json" }),
        },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      const text = await response.text();
      return { status: response.status, body: (text ? JSON.parse(text) : undefined) as T };
    };
  };
  const api = apiAs(ADMIN);

  const handle: RelayAndServer = {
    get relay() {
      return relay;
    },
    get server() {
      return server;
    },
    relayContact: { edge: relay.edgeAddress, host: relay.host, caFingerprint: relay.caFingerprint },
    dirs,
    api,
    apiAs,
    async restartRelay() {
      await relay.stop();
      // Devices reach the server again only once its link is back: seen down, then up again. On a
      // loaded machine the server's redial backoff can take seconds, which tests must not race.
      await linkState(server, (state) => state !== "up");
      relay = await startRelay(relayConfig);
      await linkState(server, (state) => state === "up");
    },
    async restartServer() {
      const port = Number(new URL(server.url).port);
      await server.stop();
      server = await startServer({ ...serverConfig, httpPort: port });
      await server.relay!.whenSynced();
    },
    async stop() {
      await server.stop();
      await relay.stop();
      rmSync(dirs.relay, { recursive: true, force: true });
      rmSync(dirs.server, { recursive: true, force: true });
    },
  };
  return handle;
}

async function linkState(
  server: RunningServer,
  wanted: (state: string | undefined) => boolean,
): Promise<void> {
  for (const deadline = Date.now() + 60_000; !wanted(server.relay?.status().state);) {
    if (Date.now() > deadline)
      throw new Error(`The server's relay link stayed ${server.relay?.status().state}.`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}
