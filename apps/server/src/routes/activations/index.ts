import QRCode from "qrcode";
import { Type } from "typebox";
import type { Core } from "@meridian/core";
import { actorOf } from "../../plugins/access.js";
import { Id, IdParams, NoContent, Strict, Timestamp, problemResponses } from "../../schemas/common.js";
import { ActivationSchema, PlatformSchema } from "../../schemas/entities.js";
import { bearer, type TypedApp } from "../typed-app.js";

export function activationRoutes(app: TypedApp, core: Core): void {
  const tags = ["Activations"];

  app.post(
    "/api/v1/users/:id/activations",
    {
      config: { access: "activations:write" },
      schema: {
        tags,
        summary: "Create an activation password for a user",
        description:
          "The password is returned once, with a QR code (an SVG data URL) that carries it; only its hash is kept. " +
          "Defaults: 48 hours, single use, 10 characters, 5 devices, every platform.",
        security: bearer,
        params: IdParams,
        body: Type.Optional(
          Strict({
            expiresInMinutes: Type.Optional(
              Type.Integer({ minimum: 1, maximum: 43_200, description: "1 minute to 30 days." }),
            ),
            singleUse: Type.Optional(Type.Boolean()),
            passwordLength: Type.Optional(Type.Integer({ minimum: 6, maximum: 64 })),
            deviceLimit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100 })),
            platforms: Type.Optional(Type.Array(PlatformSchema, { minItems: 1, maxItems: 4 })),
          }),
        ),
        response: {
          201: Type.Object({
            id: Id,
            password: Type.String(),
            qr: Type.String({ description: "data:image/svg+xml;base64,… of the QR code." }),
            qrPayload: Type.String({ description: "What the QR code encodes." }),
            expiresAt: Timestamp,
            activation: ActivationSchema,
          }),
          ...problemResponses,
        },
      },
    },
    async (request, reply) => {
      const body = request.body ?? {};
      const issued = await core.activations.create(actorOf(request), request.params.id, {
        lifetimeMs: body.expiresInMinutes === undefined ? undefined : body.expiresInMinutes * 60_000,
        singleUse: body.singleUse,
        passwordLength: body.passwordLength,
        deviceLimit: body.deviceLimit,
        platforms: body.platforms,
      });
      const svg = await QRCode.toString(issued.qrPayload, {
        type: "svg",
        errorCorrectionLevel: "M",
        margin: 2,
      });
      return reply.status(201).send({
        id: issued.activation.id,
        password: issued.password,
        qr: `data:image/svg+xml;base64,${Buffer.from(svg).toString("base64")}`,
        qrPayload: issued.qrPayload,
        expiresAt: issued.activation.expiresAt,
        activation: { ...issued.activation, status: "active" as const },
      });
    },
  );

  app.get(
    "/api/v1/users/:id/activations",
    {
      config: { access: "activations:read" },
      schema: {
        tags,
        summary: "A user's activations, newest first (never their passwords)",
        security: bearer,
        params: IdParams,
        response: { 200: Type.Object({ items: Type.Array(ActivationSchema) }), ...problemResponses },
      },
    },
    async (request) => ({ items: await core.activations.listForUser(actorOf(request), request.params.id) }),
  );

  app.delete(
    "/api/v1/users/:id/activations/:activationId",
    {
      config: { access: "activations:write" },
      schema: {
        tags,
        summary: "Expire an activation now",
        security: bearer,
        params: Strict({ id: Id, activationId: Id }),
        response: { 204: NoContent, ...problemResponses },
      },
    },
    async (request, reply) => {
      await core.activations.revoke(actorOf(request), request.params.id, request.params.activationId);
      return reply.status(204).send(null);
    },
  );
}
