import { readFileSync } from "node:fs";
import { join } from "node:path";
import { createSecretBox, loadSecretKey } from "@meridian/crypto";
import { pushChannelHost } from "@meridian/protocol";
import { DeviceEdge, LinkHub, startMetricsServer, watchEventLoop } from "@meridian/tunnel";
import { relayRegistry } from "./metrics/relay-metrics.js";
import pino from "pino";
import { buildRelayApi } from "./api/relay-api.js";
import { PushChannelHub } from "./push/push-channel.js";
import { PushGateway } from "./push/push-gateway.js";
import type { RelayConfig } from "./config.js";
import { linkAccess } from "./link/link-access.js";
import { ActivationRegistry } from "./registry/activation-registry.js";
import { openRelayDatabase } from "./registry/relay-database.js";
import { loadRelayIdentity } from "./registry/relay-identity.js";
import { ServerRegistry } from "./registry/server-registry.js";

export interface RunningRelay {
  /** "host:port" of the link port, for servers. */
  linkAddress: string;
  /** "host:port" of the device edge. */
  edgeAddress: string;
  host: string;
  /** "host:port" where `GET /metrics` is served, when it is. */
  metricsAddress: string | undefined;
  /** SHA-256 of the relay CA certificate: what servers (and test devices) pin. */
  caFingerprint: string;
  caCertificatePem: string;
  servers: ServerRegistry;
  hub: LinkHub;
  /** The relay's own push channel (its workers, when it runs some). */
  pushChannel: PushChannelHub;
  stop(): Promise<void>;
}

const ROUTE_CACHE_MS = 15_000;

/** Starts the relay: the link port for servers, the device edge, and the relay's own API behind it. */
export async function startRelay(config: RelayConfig): Promise<RunningRelay> {
  const log = pino({ level: config.logLevel === "silent" ? "silent" : config.logLevel, name: "relay" });
  const { db } = await openRelayDatabase({ url: config.databaseUrl, dataDir: config.dataDir });
  const secretBox = createSecretBox(
    loadSecretKey({ fromEnvironment: config.secretKey, keyFile: join(config.dataDir, "secret.key") }),
  );
  const identity = await loadRelayIdentity(db, secretBox, config.host);
  const servers = new ServerRegistry(db, config.domain, identity.privateKeyPem);
  const activations = new ActivationRegistry(db);
  const pushHost = pushChannelHost(config.host);
  const tls = await identity.ca.issueServerCertificate({
    hostNames: [config.host, pushHost, "localhost", "127.0.0.1"],
    validityDays: 90,
  });
  const chain = tls.certificatePem + identity.ca.certificatePem;

  const access = linkAccess(servers, identity.ca);
  const hub = new LinkHub({
    key: tls.privateKeyPem,
    cert: chain,
    clientCa: identity.ca.certificatePem,
    ...access,
  });
  const stopLoopWatch = watchEventLoop((blockedMs) =>
    log.warn({ blockedMs }, "the event loop was held up: this process is overloaded or starved of CPU"),
  );
  hub.on("link-up", (e) => log.info(e, "server link up"));
  hub.on("link-down", (e) => log.warn(e, "server link down"));
  hub.on("refused", (e) => log.warn(e, "server link refused"));
  hub.on("enrolment", (e) => log.info(e, "server enrolment"));

  const channels = new PushChannelHub(db, { key: tls.privateKeyPem, cert: chain }, log, {
    workers: config.pushChannelWorkers,
  });
  await channels.load();
  const registry = relayRegistry({
    serverLinks: () => hub.totalLinks,
    pushChannels: () => channels.connected(),
  });
  const push = new PushGateway(
    db,
    secretBox,
    {
      registry,
      apnsUrl: config.push.apnsUrl,
      fcmUrl: config.push.fcmUrl,
      wnsTokenUrl: config.push.wnsTokenUrl,
      wnsChannelHosts: config.push.wnsChannelHosts,
      ca: config.push.caFile ? readFileSync(config.push.caFile, "utf8") : undefined,
    },
    Date.now,
    channels,
  );
  const api = await buildRelayApi({
    push,
    key: tls.privateKeyPem,
    cert: chain,
    ca: identity.ca.certificatePem,
    servers,
    activations,
    relayCertificatePem: identity.ca.certificatePem,
    lookupsPerMinute: config.lookupsPerMinute,
    logger: config.logLevel === "silent" ? false : { level: config.logLevel },
  });

  // Host name → server, cached briefly so that device connections do not each read the database.
  const routes = new Map<string, { serverId: string | undefined; at: number }>();
  const edge = new DeviceEdge({
    route: async (name) => {
      if (name === config.host || name === pushHost) return "local";
      const cached = routes.get(name);
      if (cached && Date.now() - cached.at < ROUTE_CACHE_MS) return cached.serverId;
      const serverId = (await servers.serverForHost(name))?.id;
      if (routes.size > 50_000) routes.clear();
      routes.set(name, { serverId, at: Date.now() });
      return serverId;
    },
    openStream: (serverId, meta) => hub.openStream(serverId, meta),
    local: (socket, name) =>
      name === pushHost ? channels.take(socket) : api.server.emit("connection", socket),
  });
  edge.on("refused", (e) => log.warn(e, "device connection refused"));

  const linkPort = (await hub.listen(config.linkPort, config.listenHost)).port;
  const edgePort = (await edge.listen(config.edgePort, config.listenHost)).port;
  const metrics =
    config.metrics.port === undefined
      ? undefined
      : await startMetricsServer(registry, config.metrics.host, config.metrics.port);
  const expiry = setInterval(
    () =>
      void activations
        .deleteExpired()
        .catch((error: unknown) => log.error({ err: error }, "activation expiry failed")),
    3600_000,
  );
  expiry.unref();
  return {
    linkAddress: `${config.listenHost}:${linkPort}`,
    edgeAddress: `${config.listenHost}:${edgePort}`,
    metricsAddress: metrics?.address,
    host: config.host,
    caFingerprint: identity.ca.fingerprint,
    caCertificatePem: identity.ca.certificatePem,
    servers,
    hub,
    pushChannel: channels,
    async stop() {
      clearInterval(expiry);
      stopLoopWatch();
      await metrics?.close();
      await edge.close();
      await hub.close(1000);
      await api.app.close();
      await push.close();
      await channels.close();
      await db.destroy();
    },
  };
}
