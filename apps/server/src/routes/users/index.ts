import { Type } from "typebox";
import { MAX_IMPORT_BATCH, type Core } from "@meridian/core";
import { actorOf } from "../../plugins/access.js";
import {
  IdParams,
  NoContent,
  Nullable,
  PageOf,
  PageQuery,
  Strict,
  problemResponses,
} from "../../schemas/common.js";
import { DeviceSchema, GroupSchema, UserSchema, UserSourceSchema } from "../../schemas/entities.js";
import { bearer, type TypedApp } from "../typed-app.js";

const Name = Type.String({ maxLength: 200 });
const NewUserBody = Strict({
  email: Type.String({ minLength: 3, maxLength: 254 }),
  displayName: Type.Optional(Name),
  givenName: Type.Optional(Name),
  familyName: Type.Optional(Name),
});

/** A whole import is larger than ordinary requests: up to 1,000 rows of a few hundred bytes. */
const IMPORT_BODY_LIMIT = 4 * 1024 * 1024;

export function userRoutes(app: TypedApp, core: Core): void {
  const tags = ["Users"];

  app.get(
    "/api/v1/users",
    {
      config: { access: "users:read" },
      schema: {
        tags,
        summary: "List and search users",
        description:
          "Sorted by email. `q` matches any part of the email, display name, given or family name, ignoring case; `email` finds one user by exact email.",
        security: bearer,
        querystring: Strict({
          q: Type.Optional(Type.String({ maxLength: 200 })),
          email: Type.Optional(
            Type.String({ maxLength: 254, description: "Exactly this email, ignoring case." }),
          ),
          source: Type.Optional(UserSourceSchema),
          ...PageQuery,
        }),
        response: { 200: PageOf(UserSchema), ...problemResponses },
      },
    },
    async (request) => {
      const { q, email, source, limit, cursor } = request.query;
      return core.users.list(
        actorOf(request),
        { text: q, email, source },
        { limit, ...(cursor ? { cursor } : {}) },
      );
    },
  );

  app.post(
    "/api/v1/users",
    {
      config: { access: "users:write" },
      schema: {
        tags,
        summary: "Create a user",
        security: bearer,
        body: NewUserBody,
        response: { 201: UserSchema, ...problemResponses },
      },
    },
    async (request, reply) => reply.status(201).send(await core.users.create(actorOf(request), request.body)),
  );

  app.post(
    "/api/v1/users/import",
    {
      config: { access: "users:write" },
      bodyLimit: IMPORT_BODY_LIMIT,
      schema: {
        tags,
        summary: "Create many users in one request",
        description: `Up to ${MAX_IMPORT_BATCH} users. Rows that fail are reported by number with the reason; the others are created together. \`firstRow\` numbers the rows as in your file.`,
        security: bearer,
        body: Strict({
          firstRow: Type.Optional(Type.Integer({ minimum: 1, default: 1 })),
          // Field limits here are loose on purpose: a row with an over-long value fails alone, with its row
          // number, instead of failing the whole batch at validation.
          users: Type.Array(
            Strict({
              row: Type.Optional(
                Type.Integer({
                  minimum: 1,
                  description: "The row's number in your file; defaults to firstRow + its index.",
                }),
              ),
              email: Type.String({ maxLength: 4000 }),
              displayName: Type.Optional(Type.String({ maxLength: 4000 })),
              givenName: Type.Optional(Type.String({ maxLength: 4000 })),
              familyName: Type.Optional(Type.String({ maxLength: 4000 })),
            }),
            { maxItems: MAX_IMPORT_BATCH },
          ),
        }),
        response: {
          200: Type.Object({
            created: Type.Integer(),
            failed: Type.Integer(),
            results: Type.Array(
              Type.Object({
                row: Type.Integer(),
                email: Type.String(),
                status: Type.Union([Type.Literal("created"), Type.Literal("failed")]),
                id: Type.Optional(Type.String()),
                code: Type.Optional(Type.String()),
                message: Type.Optional(Type.String()),
              }),
            ),
          }),
          ...problemResponses,
        },
      },
    },
    async (request) => {
      const results = await core.users.importBatch(
        actorOf(request),
        request.body.users,
        request.body.firstRow ?? 1,
      );
      const created = results.filter((r) => r.status === "created").length;
      return { created, failed: results.length - created, results };
    },
  );

  app.get(
    "/api/v1/users/:id",
    {
      config: { access: "users:read" },
      schema: {
        tags,
        summary: "Get a user",
        security: bearer,
        params: IdParams,
        response: { 200: UserSchema, ...problemResponses },
      },
    },
    async (request) => core.users.get(actorOf(request), request.params.id),
  );

  app.patch(
    "/api/v1/users/:id",
    {
      config: { access: "users:write" },
      schema: {
        tags,
        summary: "Change a user",
        description: "Only local users; directory users change in their directory. `null` clears a name.",
        security: bearer,
        params: IdParams,
        body: Strict({
          email: Type.Optional(Type.String({ minLength: 3, maxLength: 254 })),
          displayName: Type.Optional(Name),
          givenName: Type.Optional(Nullable(Name)),
          familyName: Type.Optional(Nullable(Name)),
        }),
        response: { 200: UserSchema, ...problemResponses },
      },
    },
    async (request) => core.users.update(actorOf(request), request.params.id, request.body),
  );

  app.delete(
    "/api/v1/users/:id",
    {
      config: { access: "users:write" },
      schema: {
        tags,
        summary: "Delete a user",
        description:
          "Refused while the user owns devices. Their activations and group memberships go with them.",
        security: bearer,
        params: IdParams,
        response: { 204: NoContent, ...problemResponses },
      },
    },
    async (request, reply) => {
      await core.users.delete(actorOf(request), request.params.id);
      return reply.status(204).send(null);
    },
  );

  app.get(
    "/api/v1/users/:id/groups",
    {
      config: { access: "groups:read" },
      schema: {
        tags,
        summary: "Groups a user belongs to, directly or through nesting",
        security: bearer,
        params: IdParams,
        response: { 200: Type.Object({ items: Type.Array(GroupSchema) }), ...problemResponses },
      },
    },
    async (request) => ({ items: await core.groups.groupsOfUser(actorOf(request), request.params.id) }),
  );

  app.get(
    "/api/v1/users/:id/devices",
    {
      config: { access: "devices:read" },
      schema: {
        tags,
        summary: "Devices a user owns",
        security: bearer,
        params: IdParams,
        querystring: Strict({ ...PageQuery }),
        response: { 200: PageOf(DeviceSchema), ...problemResponses },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      await core.users.get(actor, request.params.id);
      const { limit, cursor } = request.query;
      return core.devices.list(
        actor,
        { ownerUserId: request.params.id },
        { limit, ...(cursor ? { cursor } : {}) },
      );
    },
  );
}
