import type { FastifyInstance, FastifyRequest } from "fastify";
import {
  requirePermission,
  unauthenticated,
  type AuthenticatedActor,
  type Core,
  type Permission,
} from "@meridian/core";

/**
 * What a route requires: a named permission, any signed-in administrator ("authenticated"), or
 * nothing ("public"). Every route must say which; a route that does not is refused at start-up.
 */
export type Access = Permission | "authenticated" | "public";

declare module "fastify" {
  interface FastifyContextConfig {
    access?: Access;
  }
  interface FastifyRequest {
    actor: AuthenticatedActor | null;
  }
}

export function actorOf(request: FastifyRequest): AuthenticatedActor {
  if (!request.actor)
    throw unauthenticated("not_signed_in", "Sign in first: send Authorization: Bearer <token>.");
  return request.actor;
}

function bearerToken(request: FastifyRequest): string | undefined {
  const header = request.headers.authorization;
  if (!header) return undefined;
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  if (!match)
    throw unauthenticated("invalid_authorization", 'The Authorization header must be "Bearer <token>".');
  return match[1];
}

export interface RouteAccess {
  method: string;
  url: string;
  access: Access;
}

/** Checks every request against its route's declared access; returns the table of routes and what each requires. */
export function useAccessControl(app: FastifyInstance, core: Core): RouteAccess[] {
  const table: RouteAccess[] = [];
  app.decorateRequest("actor", null);

  app.addHook("onRoute", (route) => {
    const access = route.config?.access;
    if (route.url.startsWith("/api/v1/docs")) return;
    if (!access)
      throw new Error(
        `Route ${String(route.method)} ${route.url} does not declare its access (config.access).`,
      );
    for (const method of [route.method].flat())
      if (method !== "HEAD") table.push({ method, url: route.url, access });
  });

  app.addHook("onRequest", async (request) => {
    const access = request.routeOptions.config.access ?? "public";
    if (access === "public") return;
    const token = bearerToken(request);
    if (!token) throw unauthenticated("not_signed_in", "Sign in first: send Authorization: Bearer <token>.");
    request.actor = await core.auth.authenticate(token, request.ip);
    if (access !== "authenticated") requirePermission(request.actor, access);
  });
  return table;
}
