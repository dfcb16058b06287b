import Fastify, { type FastifyInstance, type FastifyRequest } from "fastify";
import type { TypeBoxTypeProvider } from "@fastify/type-provider-typebox";
import { createServer, type Server } from "node:https";
import { createSecureContext, type SecureContext } from "node:tls";
import { MeridianError, unauthenticated, type Core, type Device, type Tenant } from "@meridian/core";
import { verifyMdmSignature } from "@meridian/pki";
import { appleMdmRoutes } from "./apple/apple-mdm-routes.js";
import { AppleDeviceIdentities } from "./apple/device-identity.js";
import { AppleEnrollmentProfiles, type AppleTopicSource } from "./apple/enrollment.js";
import { ScepEndpoints } from "./apple/scep-endpoint.js";
import { peerCertificateSerial, tlsSocketOf } from "./tls-socket.js";
import { useProblemResponses } from "../plugins/problems.js";
import { useStrictValidation } from "../plugins/validation.js";
import { ActivationSessions } from "./activation-sessions.js";
import { activationRoutes } from "./routes/activation.js";
import { agentRoutes } from "./routes/agent.js";
import type { CommandWaiters } from "./command-waiters.js";
import type { DeviceHosts } from "./device-hosts.js";
import type { TenantPki } from "./tenant-pki.js";

declare module "fastify" {
  interface FastifyRequest {
    deviceTenant: Tenant | null;
  }
}

export interface AgentAppOptions {
  core: Core;
  pki: TenantPki;
  hosts: DeviceHosts;
  waiters: CommandWaiters;
  logger?: boolean | { level: string };
  /** Called after a device activates, so that the relay's licence count follows. */
  onDeviceActivated?: (tenantId: string) => void;
  /** The MDM push topic (from the APNs certificate at the relay); Apple enrollment needs one. */
  appleTopic?: AppleTopicSource;
}

export type AgentApp = FastifyInstance<Server> & {
  /** Hands the app a device's connection (a stream from the relay link, TLS still to be terminated). */
  acceptConnection(stream: import("node:stream").Duplex): void;
};

export { tlsSocketOf } from "./tls-socket.js";

/**
 * The endpoint devices talk to, end to end through the relay. TLS is terminated here with the
 * tenant's server certificate, chosen by the name the device asked for; a device proves who it is
 * with the client certificate its tenant's CA issued at activation.
 */
export async function buildAgentApp(options: AgentAppOptions): Promise<AgentApp> {
  const contexts = new Map<string, { context: SecureContext; notAfter: number }>();
  const sniCallback = (
    servername: string,
    callback: (error: Error | null, context?: SecureContext) => void,
  ) => {
    const cached = contexts.get(servername);
    if (cached && cached.notAfter - Date.now() > 86_400_000) return callback(null, cached.context);
    options.hosts
      .tenantFor(servername)
      .then(async (tenant) => {
        if (!tenant) throw new Error(`No tenant is served at ${servername}.`);
        const identity = await options.pki.serverIdentity(tenant.id, servername);
        const context = createSecureContext({ key: identity.key, cert: identity.cert, ca: identity.ca });
        contexts.set(servername, { context, notAfter: identity.notAfter });
        callback(null, context);
      })
      .catch((error: unknown) => callback(error instanceof Error ? error : new Error(String(error))));
  };

  let server: Server | undefined;
  const app = Fastify({
    logger: options.logger ?? false,
    bodyLimit: 1024 * 1024,
    serverFactory: (handler) => {
      server = createServer(
        { SNICallback: sniCallback, requestCert: true, rejectUnauthorized: false, minVersion: "TLSv1.2" },
        handler,
      );
      return server;
    },
  }).withTypeProvider<TypeBoxTypeProvider>();
  useStrictValidation(app);
  useProblemResponses(app);
  app.decorateRequest("deviceTenant", null);
  app.addHook("onRequest", async (request) => {
    request.deviceTenant =
      (await options.hosts.tenantFor(tlsSocketOf(request).servername || undefined)) ?? null;
    if (!request.deviceTenant) {
      const message = "This server does not serve the host name you connected to.";
      // Never 401 on Apple's paths: a device told 401 may remove its enrollment.
      throw request.url.startsWith("/mdm/")
        ? new MeridianError("forbidden", "unknown_host", message)
        : unauthenticated("unknown_host", message);
    }
  });

  const sessions = new ActivationSessions((failed) => {
    void options.core.activations
      .recordFailure(failed.tenantId, failed.activationId)
      .catch((error: unknown) => app.log.error({ err: error }, "counting a failed activation try failed"));
  });
  app.addHook("onClose", async () => sessions.close());
  activationRoutes(app, { ...options, sessions });
  agentRoutes(app, options);
  appleMdmRoutes(app, {
    core: options.core,
    pki: options.pki,
    identities: new AppleDeviceIdentities(
      options.pki,
      (header, body) => verifyMdmSignature(header, body).certificate,
    ),
    profiles: new AppleEnrollmentProfiles(
      options.core,
      options.pki,
      options.appleTopic ?? (async () => undefined),
    ),
    scep: new ScepEndpoints(options.core, options.pki, app.log),
  });
  await app.ready();
  return Object.assign(app as unknown as FastifyInstance<Server>, {
    acceptConnection: (stream: import("node:stream").Duplex) => void server!.emit("connection", stream),
  });
}

/** The device behind the request's client certificate; throws a 401-kind error for anything else. */
export async function requestingDevice(
  core: Core,
  request: FastifyRequest,
): Promise<{ tenant: Tenant; device: Device; serial: string }> {
  const tenant = request.deviceTenant;
  const socket = tlsSocketOf(request);
  if (!tenant)
    throw unauthenticated("unknown_host", "This server does not serve the host name you connected to.");
  if (!socket.authorized) {
    throw unauthenticated(
      "certificate_required",
      "Present the device certificate you got at activation (it must be issued by this tenant's CA).",
    );
  }
  const serial = peerCertificateSerial(socket)!;
  return { tenant, device: await core.devices.identify(tenant.id, serial), serial };
}
