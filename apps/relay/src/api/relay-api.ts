import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from "fastify";
import { createServer, type Server } from "node:https";
import type { TLSSocket } from "node:tls";
import { normalizeSerialNumber } from "@meridian/pki";
import { RELAY_API_PATHS, licenceExpired, type SignedLicence } from "@meridian/protocol";
import type { ActivationRegistry } from "../registry/activation-registry.js";
import type { PushGateway } from "../push/push-gateway.js";
import { registerPushRoutes } from "../push/push-routes.js";
import { RegistryError, type RegisteredServer, type ServerRegistry } from "../registry/server-registry.js";

export interface RelayApiOptions {
  key: string;
  cert: string;
  /** The relay CA, which issued servers' link certificates: servers call this API with them. */
  ca: string;
  servers: ServerRegistry;
  activations: ActivationRegistry;
  /** The push gateway, when this relay sends pushes for its servers. */
  push?: PushGateway;
  relayCertificatePem: string;
  /** Lookups allowed per device address per minute. */
  lookupsPerMinute?: number;
  logger?: boolean | { level: string };
  now?: () => number;
}

function problem(reply: FastifyReply, status: number, code: string, detail: string): FastifyReply {
  return reply
    .status(status)
    .type("application/problem+json")
    .send({ type: `urn:meridian:problem:${code}`, title: code, status, code, detail });
}

/**
 * The relay's own HTTPS API, reached at the relay's host name on the device edge: devices look up
 * where their activation is served; servers (with their link certificates) register activations and
 * read their licence.
 */
export async function buildRelayApi(
  options: RelayApiOptions,
): Promise<{ app: FastifyInstance; server: Server }> {
  let httpsServer: Server | undefined;
  const app = Fastify({
    logger: options.logger ?? false,
    bodyLimit: 16 * 1024,
    serverFactory: (handler) => {
      httpsServer = createServer(
        {
          key: options.key,
          cert: options.cert,
          ca: options.ca,
          requestCert: true,
          rejectUnauthorized: false,
          minVersion: "TLSv1.2",
        },
        handler,
      );
      return httpsServer;
    },
  });
  const now = options.now ?? Date.now;
  const lookups = new Map<string, { start: number; count: number }>();
  const perMinute = options.lookupsPerMinute ?? 30;

  app.setErrorHandler((error: Error & { statusCode?: number; validation?: unknown }, _request, reply) => {
    if (error instanceof RegistryError) return problem(reply, 409, error.code, error.message);
    if (error.validation) return problem(reply, 422, "validation_failed", error.message);
    if (error.statusCode && error.statusCode < 500)
      return problem(reply, error.statusCode, "bad_request", error.message);
    app.log.error({ err: error }, "relay API error");
    return problem(reply, 500, "internal_error", "The relay could not answer; try again.");
  });
  app.setNotFoundHandler((request, reply) =>
    problem(
      reply,
      404,
      "route_not_found",
      `There is no ${request.method} ${request.url.split("?")[0]} on this relay.`,
    ),
  );

  /** The registered server behind the request's client certificate, or a 401. */
  const callingServer = async (request: FastifyRequest): Promise<RegisteredServer> => {
    const socket = request.raw.socket as TLSSocket;
    const certificate = socket.authorized ? socket.getPeerCertificate() : undefined;
    const server = certificate?.subject?.CN
      ? await options.servers.get(String(certificate.subject.CN))
      : undefined;
    if (
      !server ||
      server.revokedAt !== null ||
      server.clientCertSerial !== normalizeSerialNumber(certificate!.serialNumber)
    ) {
      throw Object.assign(
        new Error("Call this API with the link certificate this relay issued to your server."),
        { statusCode: 401 },
      );
    }
    return server;
  };

  app.get<{ Querystring: { address: string } }>(
    RELAY_API_PATHS.lookup,
    {
      schema: {
        querystring: {
          type: "object",
          required: ["address"],
          additionalProperties: false,
          properties: { address: { type: "string", minLength: 3, maxLength: 254 } },
        },
      },
    },
    async (request, reply) => {
      const window = lookups.get(request.ip);
      const t = now();
      if (!window || t - window.start >= 60_000) lookups.set(request.ip, { start: t, count: 1 });
      else if (++window.count > perMinute) {
        reply.header("retry-after", String(Math.ceil((window.start + 60_000 - t) / 1000)));
        return problem(
          reply,
          429,
          "too_many_lookups",
          "Too many lookups from your address; wait a minute and try again.",
        );
      }
      if (lookups.size > 100_000)
        for (const [ip, w] of lookups) if (t - w.start >= 60_000) lookups.delete(ip);
      const found = await options.activations.lookup(request.query.address);
      if (!found)
        return problem(
          reply,
          404,
          "no_activation",
          "No server has a current activation for this address. Ask your administrator for an activation.",
        );
      const server = await options.servers.get(found.serverId);
      const licence = server?.licence.licence;
      if (!server || !licence || licenceExpired(licence, t))
        return problem(
          reply,
          403,
          "licence_expired",
          "The server's licence has expired; your administrator must renew it.",
        );
      if (server.deviceCount >= licence.maxDevices) {
        return problem(
          reply,
          403,
          "licence_limit",
          `The server's licence allows ${licence.maxDevices} devices and all are in use; your administrator must extend it.`,
        );
      }
      return { host: found.host, caFingerprint: found.caFingerprint };
    },
  );

  app.get("/relay/v1/servers/me", async (request) => {
    const server = await callingServer(request);
    return {
      serverId: server.id,
      name: server.name,
      domain: server.domain,
      licence: server.licence satisfies SignedLicence,
      relayCertificate: options.relayCertificatePem,
    };
  });

  app.put<{ Params: { hash: string }; Body: { host: string; caFingerprint: string; expiresAt: number } }>(
    "/relay/v1/servers/me/activations/:hash",
    {
      schema: {
        params: { type: "object", properties: { hash: { type: "string", pattern: "^[0-9a-f]{64}$" } } },
        body: {
          type: "object",
          required: ["host", "caFingerprint", "expiresAt"],
          additionalProperties: false,
          properties: {
            host: { type: "string", maxLength: 253 },
            caFingerprint: { type: "string", pattern: "^[0-9a-f]{64}$" },
            expiresAt: { type: "integer" },
          },
        },
      },
    },
    async (request, reply) => {
      const server = await callingServer(request);
      await options.activations.register(server, { addressHash: request.params.hash, ...request.body });
      return reply.status(204).send();
    },
  );

  app.delete<{ Params: { hash: string } }>(
    "/relay/v1/servers/me/activations/:hash",
    async (request, reply) => {
      const server = await callingServer(request);
      await options.activations.unregister(server, request.params.hash);
      return reply.status(204).send();
    },
  );

  app.put<{ Body: { count: number } }>(
    "/relay/v1/servers/me/device-count",
    {
      schema: {
        body: {
          type: "object",
          required: ["count"],
          additionalProperties: false,
          properties: { count: { type: "integer", minimum: 0 } },
        },
      },
    },
    async (request, reply) => {
      const server = await callingServer(request);
      await options.servers.setDeviceCount(server.id, request.body.count);
      return reply.status(204).send();
    },
  );

  if (options.push) registerPushRoutes(app, options.push, callingServer, problem);

  await app.ready();
  return { app, server: httpsServer! };
}
