import { join } from "node:path";
import {
  DEFAULT_TENANT_ID,
  DeviceWaker,
  WAKER_DEFAULTS,
  createCore,
  systemClock,
  type Core,
} from "@meridian/core";
import type { FastifyBaseLogger } from "fastify";
import { createSecretBox, loadSecretKey, nodeCrypto } from "@meridian/crypto";
import { openStore, type KyselyStore } from "@meridian/store";
import { startMetricsServer, watchEventLoop } from "@meridian/tunnel";
import { spakeActivationSecrets } from "./activation/activation-secrets.js";
import { buildApp, type AppOptions } from "./app.js";
import { buildAgentApp } from "./device-endpoint/agent-app.js";
import { mdmTopicAtRelay, refreshingTopics } from "./relay/mdm-topic.js";
import { serverRegistry } from "./metrics/server-metrics.js";
import { CommandWaiters } from "./device-endpoint/command-waiters.js";
import { DeviceHosts } from "./device-endpoint/device-hosts.js";
import { TenantPki } from "./device-endpoint/tenant-pki.js";
import { pushCredentialsAtRelay } from "./relay/push-credentials-gateway.js";
import { RelayConnection } from "./relay/relay-connection.js";
import { DEFAULT_ADMIN_EMAIL, type ServerConfig } from "./config.js";

export interface RunningServer {
  url: string;
  core: Core;
  store: KyselyStore;
  /** Set only on the first start, when Meridian made up the first administrator's password. */
  firstAdministrator: { email: string; password: string; generated: boolean } | undefined;
  relay: RelayConnection | undefined;
  /** "host:port" where `GET /metrics` is served, when it is. */
  metricsAddress: string | undefined;
  stop(): Promise<void>;
}

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** Opens storage, makes sure the default tenant and its first administrator exist, and serves the API. */
export async function startServer(
  config: ServerConfig,
  appOptions: Partial<AppOptions> = {},
): Promise<RunningServer> {
  const store = await openStore({ url: config.databaseUrl, dataDir: config.dataDir });
  try {
    const secretBox = createSecretBox(
      loadSecretKey({ fromEnvironment: config.secretKey, keyFile: join(config.dataDir, "secret.key") }),
    );
    const waiters = new CommandWaiters();
    // The relay connection needs the core and the core tells the relay connection: forward through this.
    let relay: RelayConnection | undefined;
    let log: FastifyBaseLogger | undefined = undefined;
    const deps = { store, crypto: nodeCrypto, secretBox, clock: systemClock };
    // Devices are woken by push through the relay's gateway; those waiting on a long poll hear at once.
    const waker = new DeviceWaker(
      deps,
      () => relay?.wakeSender(),
      WAKER_DEFAULTS,
      (error) => log?.warn({ err: error }, "device wake-up failed"),
    );
    const core = createCore(deps, {
      activationSecrets: spakeActivationSecrets,
      commandNotifier: {
        commandsQueued: (tenantId, deviceIds) => {
          waiters.commandsQueued(tenantId, deviceIds);
          waker.commandsQueued(tenantId, deviceIds);
        },
      },
      ...(config.appleEnrollment ? { appleEnrollment: config.appleEnrollment } : {}),
      activationListener: {
        activationChanged: (tenantId, address) => relay?.activationChanged(tenantId, address),
        managedDevicesChanged: () => relay?.managedDevicesChanged(),
      },
    });
    await core.tenants.ensureDefaultTenant(config.cloudMode);
    const email = config.adminEmail ?? DEFAULT_ADMIN_EMAIL;
    const generated = config.adminPassword === undefined;
    const password =
      config.adminPassword ??
      nodeCrypto.randomPassword(20, "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789");
    const created = await core.tenants.ensureFirstAdministrator(DEFAULT_TENANT_ID, email, password);

    const atRelay = () => {
      const api = relay?.relayApi();
      return api && pushCredentialsAtRelay(api);
    };
    const mdmTopics = mdmTopicAtRelay(atRelay);
    // An enrollment right after a certificate change must name the new topic, not the one kept.
    const pushGateway = () => {
      const gateway = atRelay();
      return gateway && refreshingTopics(gateway, mdmTopics);
    };
    const app = await buildApp(core, {
      relayStatus: () => relay?.status(),
      pushGateway,
      cloudMode: config.cloudMode,
      trustProxy: config.trustProxy,
      consoleDir: config.consoleDir,
      logger: config.logLevel === "silent" ? false : { level: config.logLevel },
      ...appOptions,
    });
    log = app.log;
    const stopLoopWatch = watchEventLoop((blockedMs) =>
      app.log.warn({ blockedMs }, "the event loop was held up: this process is overloaded or starved of CPU"),
    );
    await app.listen({ host: config.host, port: config.httpPort });
    app.markReady();

    // The device side starts once the API answers: devices arrive over the relay link, which connects in the background anyway.
    const hosts = new DeviceHosts(store);
    const pki = new TenantPki(core);
    const agent = await buildAgentApp({
      core,
      pki,
      hosts,
      waiters,
      logger: config.logLevel === "silent" ? false : { level: config.logLevel },
      appleTopic: mdmTopics,
    });
    if (config.relay) {
      relay = new RelayConnection({
        core,
        settings: config.relay,
        hosts,
        pki,
        acceptDevice: (stream) => agent.acceptConnection(stream),
        log: agent.log,
      });
      relay.start();
    }
    waker.start();
    const metrics =
      config.metrics?.port === undefined
        ? undefined
        : await startMetricsServer(
            serverRegistry({
              longPolls: () => waiters.waitingDevices,
              relayLinkUp: () => (relay ? (relay.status().state === "up" ? 1 : 0) : undefined),
              wakes: () => ({ ...waker.stats }),
            }),
            config.metrics.host,
            config.metrics.port,
          );
    const address = app.server.address();
    const port = typeof address === "object" && address ? address.port : config.httpPort;

    const prune = async () => {
      for (const tenant of await core.tenants.list()) await core.audit.prune(tenant.id);
    };
    const pruneTimer = setInterval(
      () => void prune().catch((error: unknown) => app.log.error({ err: error }, "audit prune failed")),
      DAY,
    );
    pruneTimer.unref();
    const maintainTimer = setInterval(
      () =>
        void store
          .maintain()
          .catch((error: unknown) => app.log.error({ err: error }, "database upkeep failed")),
      HOUR,
    );
    maintainTimer.unref();
    // Apple identities are renewed well before they end: looked for at start, then every hour.
    let renewing: Promise<unknown> | undefined;
    const renewIdentities = () => {
      renewing ??= core.identityRenewals
        .queueDue()
        .then((swept) => {
          if (swept.queued > 0) app.log.info({ queued: swept.queued }, "Apple identity renewals queued");
        })
        .catch((error: unknown) => app.log.error({ err: error }, "the identity renewal sweep failed"))
        .finally(() => (renewing = undefined));
    };
    renewIdentities();
    const renewalTimer = setInterval(renewIdentities, HOUR);
    renewalTimer.unref();

    return {
      url: `http://${config.host.includes(":") ? `[${config.host}]` : config.host}:${port}`,
      core,
      store,
      firstAdministrator: created ? { email, password, generated } : undefined,
      relay,
      metricsAddress: metrics?.address,
      async stop() {
        clearInterval(pruneTimer);
        clearInterval(maintainTimer);
        clearInterval(renewalTimer);
        await renewing;
        stopLoopWatch();
        await metrics?.close();
        await waker.stop();
        await relay?.stop();
        await app.close();
        await agent.close();
        await store.close();
      },
    };
  } catch (error) {
    await store.close();
    throw error;
  }
}
