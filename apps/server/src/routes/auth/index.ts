import { Type } from "typebox";
import { isMeridianError, type Core } from "@meridian/core";
import { actorOf } from "../../plugins/access.js";
import type { RateLimiter } from "../../plugins/rate-limit.js";
import {
  NoContent,
  Problem,
  Strict,
  Timestamp,
  problemResponses,
  Id,
  IdParams,
} from "../../schemas/common.js";
import { ApiTokenSchema } from "../../schemas/entities.js";
import { bearer, type TypedApp } from "../typed-app.js";

export interface LoginLimits {
  perAddress: RateLimiter;
  perEmail: RateLimiter;
}

export function authRoutes(app: TypedApp, core: Core, limits: LoginLimits): void {
  app.post(
    "/api/v1/auth/login",
    {
      config: { access: "public" },
      schema: {
        tags: ["Authentication"],
        summary: "Sign in as an administrator",
        description:
          "Returns a session token for `Authorization: Bearer <token>`. Limited per client address, and per email after repeated failures.",
        body: Strict({
          email: Type.String({ minLength: 3, maxLength: 254 }),
          password: Type.String({ minLength: 1, maxLength: 1024 }),
          tenant: Type.Optional(
            Type.String({
              minLength: 1,
              maxLength: 40,
              description: "Tenant slug; needed only when the email administers several tenants.",
            }),
          ),
        }),
        response: {
          200: Type.Object({
            token: Type.String(),
            expiresAt: Timestamp,
            administrator: Type.Object({
              id: Id,
              email: Type.String(),
              displayName: Type.String(),
              roleId: Type.String(),
              tenantId: Id,
            }),
          }),
          401: Problem,
          422: Problem,
          429: Problem,
        },
      },
    },
    async (request) => {
      const email = request.body.email.trim().toLowerCase();
      limits.perAddress.hit(request.ip, "sign-in attempts from your address");
      // Only failures count against an account, so a script that signs in on every run is never locked out.
      limits.perEmail.check(email, "failed sign-in attempts for this account");
      try {
        return await core.auth.login({ ...request.body, ip: request.ip });
      } catch (error) {
        if (isMeridianError(error) && error.kind === "unauthenticated") limits.perEmail.record(email);
        throw error;
      }
    },
  );

  app.post(
    "/api/v1/auth/logout",
    {
      config: { access: "authenticated" },
      schema: {
        tags: ["Authentication"],
        summary: "End this session",
        security: bearer,
        response: { 204: NoContent, 401: Problem },
      },
    },
    async (request, reply) => {
      await core.auth.logout(actorOf(request));
      return reply.status(204).send(null);
    },
  );

  app.get(
    "/api/v1/auth/me",
    {
      config: { access: "authenticated" },
      schema: {
        tags: ["Authentication"],
        summary: "Who am I, and what may I do",
        security: bearer,
        response: {
          200: Type.Object({
            id: Type.String(),
            type: Type.String(),
            label: Type.String(),
            tenantId: Id,
            permissions: Type.Array(Type.String()),
          }),
          401: Problem,
        },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      return {
        id: actor.id,
        type: actor.type,
        label: actor.label,
        tenantId: actor.tenantId,
        permissions: [...actor.permissions].sort(),
      };
    },
  );

  app.get(
    "/api/v1/api-tokens",
    {
      config: { access: "authenticated" },
      schema: {
        tags: ["Authentication"],
        summary: "List API tokens",
        description: "Your own tokens; with admins:read, every token in the tenant.",
        security: bearer,
        response: { 200: Type.Object({ items: Type.Array(ApiTokenSchema) }), ...problemResponses },
      },
    },
    async (request) => ({ items: await core.auth.listApiTokens(actorOf(request)) }),
  );

  app.post(
    "/api/v1/api-tokens",
    {
      config: { access: "authenticated" },
      schema: {
        tags: ["Authentication"],
        summary: "Create an API token for automation",
        description: "The token acts with your role. It is shown once.",
        security: bearer,
        body: Strict({
          name: Type.String({ minLength: 1, maxLength: 100 }),
          expiresInDays: Type.Optional(Type.Integer({ minimum: 1, maximum: 3650 })),
        }),
        response: {
          201: Type.Object({ token: Type.String(), apiToken: ApiTokenSchema }),
          ...problemResponses,
        },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await core.auth.createApiToken(actorOf(request), request.body)),
  );

  app.delete(
    "/api/v1/api-tokens/:id",
    {
      config: { access: "authenticated" },
      schema: {
        tags: ["Authentication"],
        summary: "Revoke an API token",
        description: "Your own tokens; with admins:write, any token in the tenant.",
        security: bearer,
        params: IdParams,
        response: { 204: NoContent, ...problemResponses },
      },
    },
    async (request, reply) => {
      await core.auth.revokeApiToken(actorOf(request), request.params.id);
      return reply.status(204).send(null);
    },
  );
}
