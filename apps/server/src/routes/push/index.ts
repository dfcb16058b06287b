import { Type } from "typebox";
import {
  CREDENTIAL_SERVICES,
  PUSH_CHANNELS,
  managesServerCredentials,
  type Core,
  type PushCredentialsGateway,
} from "@meridian/core";
import { actorOf } from "../../plugins/access.js";
import { IdParams, Nullable, Strict, Timestamp, problemResponses } from "../../schemas/common.js";
import { bearer, type TypedApp } from "../typed-app.js";

const tags = ["Push"];
const ServiceSchema = Type.Enum([...CREDENTIAL_SERVICES]);
const ChannelSchema = Type.Enum([...PUSH_CHANNELS]);
const SummarySchema = Type.Object({
  service: ServiceSchema,
  identity: Type.String({
    description: "The APNs topic, FCM project or WNS client: which credentials these are.",
  }),
  updatedAt: Timestamp,
  expiresAt: Type.Optional(
    Type.Integer({
      description:
        "When an APNs push certificate stops working (ms since the epoch); renew it at Apple before then. Absent for keys that do not expire.",
    }),
  ),
  scope: Type.Enum(["tenant", "server"], {
    description:
      "`tenant`: this tenant's own (an APNs push certificate, in cloud mode). `server`: the server's, which wake the devices of every tenant without their own.",
  }),
});

export function pushRoutes(
  app: TypedApp,
  core: Core,
  gateway: () => PushCredentialsGateway | undefined,
): void {
  app.get(
    "/api/v1/push/credentials",
    {
      config: { access: "settings:read" },
      schema: {
        tags,
        summary: "Push credentials held at the relay (never their secrets)",
        description:
          "For each service, the tenant's own credentials if it has them (APNs only), else the server's. Never another tenant's.",
        security: bearer,
        response: {
          200: Type.Object({
            items: Type.Array(SummarySchema),
            managesServerCredentials: Type.Boolean({
              description:
                "Whether this tenant's administrators manage the server's credentials (FCM, WNS and the server's APNs certificate): the default tenant's do.",
            }),
          }),
          ...problemResponses,
        },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      return {
        items: await core.push.listCredentials(actor, gateway()),
        managesServerCredentials: managesServerCredentials(actor.tenantId),
      };
    },
  );

  app.put(
    "/api/v1/push/credentials/:service",
    {
      config: { access: "settings:write" },
      schema: {
        tags,
        summary: "Store push credentials at the relay",
        description:
          "FCM: `{serviceAccount}` (the key file's JSON). APNs: `{token: {keyId, teamId, privateKey}, topic}` or " +
          "`{certificate: {cert, key}}` / `{certificate: {pfxBase64, passphrase}}`. WNS: `{clientId, clientSecret}`. " +
          "The relay checks them before keeping them (sealed); they never come back. " +
          "An APNs certificate is the tenant's own (the default tenant's is the server's, used by every tenant " +
          "without its own); a certificate for another topic than the one in use needs `confirmTopicChange: true`. " +
          "FCM and WNS serve the whole server: only the default tenant's administrators change them.",
        security: bearer,
        params: Strict({ service: ServiceSchema }),
        body: Type.Object({}, { additionalProperties: true }),
        response: { 200: SummarySchema, ...problemResponses },
      },
    },
    async (request) =>
      core.push.setCredentials(actorOf(request), gateway(), {
        ...(request.body as Record<string, unknown>),
        service: request.params.service,
      }),
  );

  app.delete(
    "/api/v1/push/credentials/:service",
    {
      config: { access: "settings:write" },
      schema: {
        tags,
        summary: "Remove push credentials from the relay",
        description:
          "APNs: the tenant's own certificate (its devices fall back to the server's). FCM and WNS: the default tenant's administrators only.",
        security: bearer,
        params: Strict({ service: ServiceSchema }),
        response: { 204: Type.Null(), ...problemResponses },
      },
    },
    async (request, reply) => {
      await core.push.removeCredentials(actorOf(request), gateway(), request.params.service);
      return reply.status(204).send(null);
    },
  );

  app.get(
    "/api/v1/devices/:id/push",
    {
      config: { access: "devices:read" },
      schema: {
        tags,
        summary: "How a device is woken, and whether its push token still works",
        security: bearer,
        params: IdParams,
        response: {
          200: Type.Object({
            registered: Type.Boolean(),
            service: Nullable(ChannelSchema),
            updatedAt: Nullable(Timestamp),
            lastPushedAt: Nullable(Timestamp),
            invalidAt: Nullable(Timestamp),
            invalidReason: Nullable(
              Type.String({ description: "What the push service said of the token (Unregistered...)." }),
            ),
          }),
          ...problemResponses,
        },
      },
    },
    async (request) => {
      const registration = await core.push.forDevice(actorOf(request), request.params.id);
      return {
        registered: registration !== undefined,
        service: registration?.service ?? null,
        updatedAt: registration?.updatedAt ?? null,
        lastPushedAt: registration?.lastPushedAt ?? null,
        invalidAt: registration?.invalidAt ?? null,
        invalidReason: registration?.invalidReason ?? null,
      };
    },
  );
}
