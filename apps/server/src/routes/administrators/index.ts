import { Type } from "typebox";
import type { Core } from "@meridian/core";
import { actorOf } from "../../plugins/access.js";
import { IdParams, NoContent, PageOf, PageQuery, Strict, problemResponses } from "../../schemas/common.js";
import { AdministratorSchema } from "../../schemas/entities.js";
import { bearer, type TypedApp } from "../typed-app.js";

const Password = Type.String({ minLength: 12, maxLength: 1024, description: "At least 12 characters." });
const RoleId = Type.String({ minLength: 1, maxLength: 64 });

export function administratorRoutes(app: TypedApp, core: Core): void {
  const tags = ["Administrators"];

  app.get(
    "/api/v1/administrators",
    {
      config: { access: "admins:read" },
      schema: {
        tags,
        summary: "List administrators",
        security: bearer,
        querystring: Strict({ ...PageQuery }),
        response: { 200: PageOf(AdministratorSchema), ...problemResponses },
      },
    },
    async (request) => {
      const { limit, cursor } = request.query;
      return core.administrators.list(actorOf(request), { limit, ...(cursor ? { cursor } : {}) });
    },
  );

  app.post(
    "/api/v1/administrators",
    {
      config: { access: "admins:write" },
      schema: {
        tags,
        summary: "Create an administrator",
        description: "You can only give a role whose every permission you hold yourself.",
        security: bearer,
        body: Strict({
          email: Type.String({ minLength: 3, maxLength: 254 }),
          displayName: Type.Optional(Type.String({ maxLength: 200 })),
          password: Password,
          roleId: RoleId,
        }),
        response: { 201: AdministratorSchema, ...problemResponses },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await core.administrators.create(actorOf(request), request.body)),
  );

  app.get(
    "/api/v1/administrators/:id",
    {
      config: { access: "admins:read" },
      schema: {
        tags,
        summary: "Get an administrator",
        security: bearer,
        params: IdParams,
        response: { 200: AdministratorSchema, ...problemResponses },
      },
    },
    async (request) => core.administrators.get(actorOf(request), request.params.id),
  );

  app.patch(
    "/api/v1/administrators/:id",
    {
      config: { access: "admins:write" },
      schema: {
        tags,
        summary: "Change an administrator's name, role, password or disabled flag",
        description:
          "A new role, password or disabled flag ends the administrator's open sessions. The last active Security Administrator cannot be demoted or disabled.",
        security: bearer,
        params: IdParams,
        body: Strict({
          displayName: Type.Optional(Type.String({ maxLength: 200 })),
          roleId: Type.Optional(RoleId),
          disabled: Type.Optional(Type.Boolean()),
          password: Type.Optional(Password),
        }),
        response: { 200: AdministratorSchema, ...problemResponses },
      },
    },
    async (request) => core.administrators.update(actorOf(request), request.params.id, request.body),
  );

  app.delete(
    "/api/v1/administrators/:id",
    {
      config: { access: "admins:write" },
      schema: {
        tags,
        summary: "Remove an administrator",
        security: bearer,
        params: IdParams,
        response: { 204: NoContent, ...problemResponses },
      },
    },
    async (request, reply) => {
      await core.administrators.delete(actorOf(request), request.params.id);
      return reply.status(204).send(null);
    },
  );
}
