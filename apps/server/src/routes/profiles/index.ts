import { Type } from "typebox";
import { MAX_PROFILE_BYTES, invalid, type Core } from "@meridian/core";
import { ProfileRejected, readProfileSummary } from "@meridian/apple-mdm";
import { actorOf } from "../../plugins/access.js";
import { IdParams, NoContent, PageOf, PageQuery, Strict, problemResponses } from "../../schemas/common.js";
import { ProfileSchema } from "../../schemas/entities.js";
import { bearer, type TypedApp } from "../typed-app.js";

/** Base64 grows a payload by a third; the JSON around it is small. */
const UPLOAD_LIMIT = Math.ceil((MAX_PROFILE_BYTES * 4) / 3) + 16 * 1024;

export function profileRoutes(app: TypedApp, core: Core): void {
  const tags = ["Profiles"];

  app.get(
    "/api/v1/profiles",
    {
      config: { access: "profiles:read" },
      schema: {
        tags,
        summary: "List configuration profiles",
        security: bearer,
        querystring: Strict({ ...PageQuery }),
        response: { 200: PageOf(ProfileSchema), ...problemResponses },
      },
    },
    async (request) => {
      const { limit, cursor } = request.query;
      return core.profiles.list(actorOf(request), { limit, ...(cursor ? { cursor } : {}) });
    },
  );

  app.post(
    "/api/v1/profiles",
    {
      config: { access: "profiles:write" },
      bodyLimit: UPLOAD_LIMIT,
      schema: {
        tags,
        summary: "Upload a configuration profile (.mobileconfig)",
        description:
          "The profile is stored once; install it with a command of type install_profile naming its id. " +
          "A profile with the same PayloadIdentifier as a stored one replaces it (a new version, same id).",
        security: bearer,
        body: Strict({
          payloadBase64: Type.String({
            minLength: 4,
            maxLength: UPLOAD_LIMIT,
            description: "The .mobileconfig file, in base64.",
          }),
          name: Type.Optional(
            Type.String({
              minLength: 1,
              maxLength: 200,
              description: "Default: the profile's PayloadDisplayName.",
            }),
          ),
        }),
        response: {
          201: Type.Object({
            profile: ProfileSchema,
            replaced: Type.Boolean({
              description: "True when it replaced a profile with the same identifier.",
            }),
          }),
          ...problemResponses,
        },
      },
    },
    async (request, reply) => {
      const payload = Buffer.from(request.body.payloadBase64, "base64");
      let summary;
      try {
        summary = readProfileSummary(payload);
      } catch (error) {
        if (error instanceof ProfileRejected) throw invalid(error.code, error.message);
        throw error;
      }
      const saved = await core.profiles.save(actorOf(request), {
        payload,
        identifier: summary.identifier,
        name: request.body.name ?? summary.displayName ?? summary.identifier,
        description: summary.description ?? undefined,
        sha256: summary.sha256,
      });
      return reply.status(201).send(saved);
    },
  );

  app.get(
    "/api/v1/profiles/:id",
    {
      config: { access: "profiles:read" },
      schema: {
        tags,
        summary: "Get a configuration profile's description",
        security: bearer,
        params: IdParams,
        response: { 200: ProfileSchema, ...problemResponses },
      },
    },
    async (request) => core.profiles.get(actorOf(request), request.params.id),
  );

  app.delete(
    "/api/v1/profiles/:id",
    {
      config: { access: "profiles:write" },
      schema: {
        tags,
        summary: "Delete a configuration profile",
        description: "Devices keep what they installed; send remove_profile to take it off them.",
        security: bearer,
        params: IdParams,
        response: { 204: NoContent, ...problemResponses },
      },
    },
    async (request, reply) => {
      await core.profiles.delete(actorOf(request), request.params.id);
      return reply.status(204).send(null);
    },
  );
}
