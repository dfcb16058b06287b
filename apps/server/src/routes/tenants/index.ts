import { Type } from "typebox";
import type { Core } from "@meridian/core";
import { actorOf } from "../../plugins/access.js";
import { Strict, problemResponses } from "../../schemas/common.js";
import { TenantSchema } from "../../schemas/entities.js";
import { bearer, type TypedApp } from "../typed-app.js";

/** Only registered in cloud mode; only the operator tenant's Security Administrators hold these permissions. */
export function tenantRoutes(app: TypedApp, core: Core): void {
  const tags = ["Tenants"];

  app.get(
    "/api/v1/tenants",
    {
      config: { access: "tenants:read" },
      schema: {
        tags,
        summary: "List tenants",
        security: bearer,
        response: { 200: Type.Object({ items: Type.Array(TenantSchema) }), ...problemResponses },
      },
    },
    async () => ({ items: await core.tenants.list() }),
  );

  app.post(
    "/api/v1/tenants",
    {
      config: { access: "tenants:write" },
      schema: {
        tags,
        summary: "Create a tenant with its first Security Administrator",
        security: bearer,
        body: Strict({
          slug: Type.String({ minLength: 1, maxLength: 40 }),
          name: Type.String({ minLength: 1, maxLength: 200 }),
          adminEmail: Type.String({ minLength: 3, maxLength: 254 }),
          adminPassword: Type.String({ minLength: 12, maxLength: 1024 }),
        }),
        response: { 201: TenantSchema, ...problemResponses },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await core.tenants.create(actorOf(request), request.body)),
  );
}
