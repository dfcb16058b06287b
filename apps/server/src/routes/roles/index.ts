import { Type } from "typebox";
import { PERMISSIONS, type Core } from "@meridian/core";
import { actorOf } from "../../plugins/access.js";
import { NoContent, Strict, problemResponses } from "../../schemas/common.js";
import { RoleSchema } from "../../schemas/entities.js";
import { bearer, type TypedApp } from "../typed-app.js";

const RoleParams = Strict({ id: Type.String({ minLength: 1, maxLength: 64, pattern: "^[a-z0-9-]+$" }) });
const Permissions = Type.Array(Type.String({ maxLength: 64 }), { maxItems: 100, uniqueItems: true });

export function roleRoutes(app: TypedApp, core: Core): void {
  const tags = ["Roles"];

  app.get(
    "/api/v1/permissions",
    {
      config: { access: "roles:read" },
      schema: {
        tags,
        summary: "Every permission a role can hold, with what it allows",
        security: bearer,
        response: {
          200: Type.Object({
            items: Type.Array(Type.Object({ name: Type.String(), description: Type.String() })),
          }),
          ...problemResponses,
        },
      },
    },
    async () => ({
      items: Object.entries(PERMISSIONS).map(([name, description]) => ({ name, description })),
    }),
  );

  app.get(
    "/api/v1/roles",
    {
      config: { access: "roles:read" },
      schema: {
        tags,
        summary: "Built-in and custom roles",
        security: bearer,
        response: { 200: Type.Object({ items: Type.Array(RoleSchema) }), ...problemResponses },
      },
    },
    async (request) => ({ items: await core.roles.list(actorOf(request)) }),
  );

  app.post(
    "/api/v1/roles",
    {
      config: { access: "roles:write" },
      schema: {
        tags,
        summary: "Create a custom role from named permissions",
        security: bearer,
        body: Strict({
          name: Type.String({ minLength: 1, maxLength: 100 }),
          description: Type.Optional(Type.String({ maxLength: 1000 })),
          permissions: Permissions,
        }),
        response: { 201: RoleSchema, ...problemResponses },
      },
    },
    async (request, reply) => reply.status(201).send(await core.roles.create(actorOf(request), request.body)),
  );

  app.get(
    "/api/v1/roles/:id",
    {
      config: { access: "roles:read" },
      schema: {
        tags,
        summary: "Get a role",
        security: bearer,
        params: RoleParams,
        response: { 200: RoleSchema, ...problemResponses },
      },
    },
    async (request) => core.roles.get(actorOf(request), request.params.id),
  );

  app.patch(
    "/api/v1/roles/:id",
    {
      config: { access: "roles:write" },
      schema: {
        tags,
        summary: "Change a custom role",
        security: bearer,
        params: RoleParams,
        body: Strict({
          name: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
          description: Type.Optional(Type.String({ maxLength: 1000 })),
          permissions: Type.Optional(Permissions),
        }),
        response: { 200: RoleSchema, ...problemResponses },
      },
    },
    async (request) => core.roles.update(actorOf(request), request.params.id, request.body),
  );

  app.delete(
    "/api/v1/roles/:id",
    {
      config: { access: "roles:write" },
      schema: {
        tags,
        summary: "Delete a custom role nobody holds",
        security: bearer,
        params: RoleParams,
        response: { 204: NoContent, ...problemResponses },
      },
    },
    async (request, reply) => {
      await core.roles.delete(actorOf(request), request.params.id);
      return reply.status(204).send(null);
    },
  );
}
