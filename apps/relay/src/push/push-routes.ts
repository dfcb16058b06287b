import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { PushError } from "@meridian/push";
import {
  MAX_WAKE_TARGETS,
  PUSH_SCOPE_PATTERN,
  PUSH_GATEWAY_PATHS,
  PUSH_SERVICES,
  WAKE_SERVICES,
  type PushCredentials,
  type WakeTarget,
} from "@meridian/protocol";
import type { RegisteredServer } from "../registry/server-registry.js";
import { isPushService } from "./push-credentials.js";
import type { PushGateway } from "./push-gateway.js";

interface ScopeParams {
  scope?: string;
}
const scopeParam = { scope: { type: "string", pattern: PUSH_SCOPE_PATTERN } } as const;

type Problem = (reply: FastifyReply, status: number, code: string, detail: string) => FastifyReply;

/** The push gateway's routes on the relay API; every one needs the calling server's link certificate. */
export function registerPushRoutes(
  app: FastifyInstance,
  gateway: PushGateway,
  callingServer: (request: FastifyRequest) => Promise<RegisteredServer>,
  problem: Problem,
): void {
  // A server's own credentials at the paths servers from before scopes know; a tenant's under its
  // scope's own path, which a relay from before scopes answers 404 (rather than taking the tenant's
  // certificate for the server's).
  for (const prefix of [PUSH_GATEWAY_PATHS.credentials, "/relay/v1/push/scopes/:scope/credentials"])
    registerCredentialRoutes(app, prefix, gateway, callingServer, problem);

  app.put<{ Body: { certificates: string[] } }>(
    PUSH_GATEWAY_PATHS.deviceCas,
    {
      bodyLimit: 512 * 1024,
      schema: {
        body: {
          type: "object",
          required: ["certificates"],
          additionalProperties: false,
          properties: {
            certificates: { type: "array", maxItems: 1000, items: { type: "string", maxLength: 8192 } },
          },
        },
      },
    },
    async (request, reply) => {
      const server = await callingServer(request);
      if (!gateway.channels) return problem(reply, 404, "no_channel", "This relay runs no push channel.");
      try {
        return { added: await gateway.channels.registerAuthorities(server.id, request.body.certificates) };
      } catch (error) {
        return problem(
          reply,
          422,
          "invalid_device_ca",
          error instanceof Error ? error.message : String(error),
        );
      }
    },
  );

  app.post<{ Body: { targets: WakeTarget[] } }>(
    PUSH_GATEWAY_PATHS.wake,
    {
      bodyLimit: 1024 * 1024,
      schema: {
        body: {
          type: "object",
          required: ["targets"],
          additionalProperties: false,
          properties: {
            targets: {
              type: "array",
              minItems: 1,
              maxItems: MAX_WAKE_TARGETS,
              items: {
                type: "object",
                required: ["service", "token"],
                additionalProperties: false,
                properties: {
                  service: { type: "string", enum: [...WAKE_SERVICES] },
                  token: { type: "string", minLength: 1, maxLength: 2048 },
                  pushMagic: { type: "string", maxLength: 128 },
                  scope: { type: "string", pattern: PUSH_SCOPE_PATTERN },
                },
              },
            },
          },
        },
      },
    },
    async (request) => {
      const server = await callingServer(request);
      return { outcomes: await gateway.wake(server.id, request.body.targets) };
    },
  );
}

function registerCredentialRoutes(
  app: FastifyInstance,
  prefix: string,
  gateway: PushGateway,
  callingServer: (request: FastifyRequest) => Promise<RegisteredServer>,
  problem: Problem,
): void {
  const scoped = prefix.includes(":scope");
  const params = (extra: Record<string, unknown> = {}) => ({
    type: "object",
    properties: { ...(scoped ? scopeParam : {}), ...extra },
  });

  app.get<{ Params: ScopeParams }>(prefix, { schema: { params: params() } }, async (request) => ({
    items: await gateway.listCredentials((await callingServer(request)).id, request.params.scope),
  }));

  app.put<{ Params: ScopeParams & { service: string }; Body: PushCredentials }>(
    `${prefix}/:service`,
    {
      bodyLimit: 64 * 1024,
      schema: {
        params: params({ service: { type: "string", enum: [...PUSH_SERVICES] } }),
        body: { type: "object", required: ["service"], properties: { service: { type: "string" } } },
      },
    },
    async (request, reply) => {
      const server = await callingServer(request);
      if (request.body.service !== request.params.service)
        return problem(reply, 422, "validation_failed", "The body's service must match the path's.");
      try {
        return await gateway.setCredentials(server.id, request.body, request.params.scope);
      } catch (error) {
        if (error instanceof PushError) return problem(reply, 422, error.code, error.message);
        if (error instanceof Error && !(error as { statusCode?: number }).statusCode)
          return problem(reply, 422, "invalid_credentials", error.message);
        throw error;
      }
    },
  );

  app.delete<{ Params: ScopeParams & { service: string } }>(
    `${prefix}/:service`,
    { schema: { params: params() } },
    async (request, reply) => {
      const server = await callingServer(request);
      const { service, scope } = request.params;
      if (!isPushService(service))
        return problem(reply, 404, "route_not_found", `There is no push service ${service}.`);
      return (await gateway.removeCredentials(server.id, service, scope))
        ? reply.status(204).send()
        : problem(
            reply,
            404,
            "no_credentials",
            scope
              ? `Tenant ${scope} has no ${service.toUpperCase()} credentials of its own at the relay.`
              : `This server has no ${service.toUpperCase()} credentials at the relay.`,
          );
    },
  );
}
