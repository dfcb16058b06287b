import { Type } from "typebox";
import type { Core } from "@meridian/core";
import { actorOf } from "../../plugins/access.js";
import {
  Id,
  IdParams,
  NoContent,
  PageOf,
  PageQuery,
  Strict,
  problemResponses,
} from "../../schemas/common.js";
import { GroupMemberSchema, GroupSchema } from "../../schemas/entities.js";
import { bearer, type TypedApp } from "../typed-app.js";

const MemberType = Type.Union([Type.Literal("user"), Type.Literal("group")]);

export function groupRoutes(app: TypedApp, core: Core): void {
  const tags = ["Groups"];

  app.get(
    "/api/v1/groups",
    {
      config: { access: "groups:read" },
      schema: {
        tags,
        summary: "List groups",
        security: bearer,
        querystring: Strict({ q: Type.Optional(Type.String({ maxLength: 200 })), ...PageQuery }),
        response: { 200: PageOf(GroupSchema), ...problemResponses },
      },
    },
    async (request) => {
      const { q, limit, cursor } = request.query;
      return core.groups.list(actorOf(request), { text: q }, { limit, ...(cursor ? { cursor } : {}) });
    },
  );

  app.get(
    "/api/v1/groups/tree",
    {
      config: { access: "groups:read" },
      schema: {
        tags,
        summary: "Every group with the groups nested directly inside it",
        description:
          "The whole tree in one answer, groups sorted by name. Roots are the groups that no other group contains; a group nested in several groups appears under each.",
        security: bearer,
        response: {
          200: Type.Object({
            items: Type.Array(
              Type.Object({
                ...GroupSchema.properties,
                childGroupIds: Type.Array(Id, { description: "Groups directly inside this one, by name." }),
              }),
            ),
          }),
          ...problemResponses,
        },
      },
    },
    async (request) => ({ items: await core.groups.tree(actorOf(request)) }),
  );

  app.post(
    "/api/v1/groups",
    {
      config: { access: "groups:write" },
      schema: {
        tags,
        summary: "Create a group",
        security: bearer,
        body: Strict({
          name: Type.String({ minLength: 1, maxLength: 200 }),
          description: Type.Optional(Type.String({ maxLength: 2000 })),
        }),
        response: { 201: GroupSchema, ...problemResponses },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await core.groups.create(actorOf(request), request.body)),
  );

  app.get(
    "/api/v1/groups/:id",
    {
      config: { access: "groups:read" },
      schema: {
        tags,
        summary: "Get a group",
        security: bearer,
        params: IdParams,
        response: { 200: GroupSchema, ...problemResponses },
      },
    },
    async (request) => core.groups.get(actorOf(request), request.params.id),
  );

  app.patch(
    "/api/v1/groups/:id",
    {
      config: { access: "groups:write" },
      schema: {
        tags,
        summary: "Rename or describe a group",
        security: bearer,
        params: IdParams,
        body: Strict({
          name: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
          description: Type.Optional(Type.String({ maxLength: 2000 })),
        }),
        response: { 200: GroupSchema, ...problemResponses },
      },
    },
    async (request) => core.groups.update(actorOf(request), request.params.id, request.body),
  );

  app.delete(
    "/api/v1/groups/:id",
    {
      config: { access: "groups:write" },
      schema: {
        tags,
        summary: "Delete a group and its memberships",
        security: bearer,
        params: IdParams,
        response: { 204: NoContent, ...problemResponses },
      },
    },
    async (request, reply) => {
      await core.groups.delete(actorOf(request), request.params.id);
      return reply.status(204).send(null);
    },
  );

  app.get(
    "/api/v1/groups/:id/members",
    {
      config: { access: "groups:read" },
      schema: {
        tags,
        summary: "Direct members (users and groups)",
        security: bearer,
        params: IdParams,
        querystring: Strict({ ...PageQuery }),
        response: { 200: PageOf(GroupMemberSchema), ...problemResponses },
      },
    },
    async (request) => {
      const { limit, cursor } = request.query;
      return core.groups.listMembers(actorOf(request), request.params.id, {
        limit,
        ...(cursor ? { cursor } : {}),
      });
    },
  );

  app.post(
    "/api/v1/groups/:id/members",
    {
      config: { access: "groups:write" },
      schema: {
        tags,
        summary: "Add a user or a group as a member",
        description: "Nesting that would make a loop is refused with 409 group_cycle.",
        security: bearer,
        params: IdParams,
        body: Strict({ type: MemberType, id: Id }),
        response: { 201: GroupMemberSchema, ...problemResponses },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await core.groups.addMember(actorOf(request), request.params.id, request.body)),
  );

  app.delete(
    "/api/v1/groups/:id/members/:type/:memberId",
    {
      config: { access: "groups:write" },
      schema: {
        tags,
        summary: "Remove a direct member",
        security: bearer,
        params: Strict({ id: Id, type: MemberType, memberId: Id }),
        response: { 204: NoContent, ...problemResponses },
      },
    },
    async (request, reply) => {
      await core.groups.removeMember(actorOf(request), request.params.id, {
        type: request.params.type,
        id: request.params.memberId,
      });
      return reply.status(204).send(null);
    },
  );

  app.get(
    "/api/v1/groups/:id/effective-users",
    {
      config: { access: "groups:read" },
      schema: {
        tags,
        summary: "Every user in the group, directly or through nested groups, each once",
        security: bearer,
        params: IdParams,
        querystring: Strict({ ...PageQuery }),
        response: {
          200: PageOf(Type.Object({ id: Id, email: Type.String(), displayName: Type.String() })),
          ...problemResponses,
        },
      },
    },
    async (request) => {
      const { limit, cursor } = request.query;
      return core.groups.listEffectiveUsers(actorOf(request), request.params.id, {
        limit,
        ...(cursor ? { cursor } : {}),
      });
    },
  );
}
