import { Type } from "typebox";
import type { Core } from "@meridian/core";
import { actorOf } from "../../plugins/access.js";
import type { RelayStatus } from "../../relay/relay-connection.js";
import { Nullable, problemResponses } from "../../schemas/common.js";
import { bearer, type TypedApp } from "../typed-app.js";

export function relayRoutes(app: TypedApp, core: Core, status: () => RelayStatus | undefined): void {
  app.get(
    "/api/v1/relay",
    {
      config: { access: "settings:read" },
      schema: {
        tags: ["Relay"],
        summary: "The relay link: whether it is up, this server's registration and licence",
        description: "`configured` is false when the server runs without a relay (MERIDIAN_RELAY unset).",
        security: bearer,
        response: {
          200: Type.Object({
            configured: Type.Boolean(),
            serverId: Nullable(Type.String()),
            relay: Nullable(Type.String()),
            state: Nullable(
              Type.String({
                description: "starting, enrolling, connecting, up, waiting (to redial), closed or failed",
              }),
            ),
            domain: Nullable(
              Type.String({ description: "Devices reach this server at <tenant slug>.<domain>." }),
            ),
            deviceHost: Nullable(
              Type.String({
                description: "Where this tenant's devices reach the server: <tenant slug>.<domain>.",
              }),
            ),
            appleEnrollmentUrl: Nullable(
              Type.String({
                description: "The page an iPhone, iPad or Mac opens to enrol with an activation password.",
              }),
            ),
            lastError: Nullable(Type.String()),
            licence: Nullable(
              Type.Object({
                serverName: Type.String(),
                maxDevices: Type.Integer(),
                features: Type.Array(Type.String()),
                issuedAt: Type.Integer(),
                expiresAt: Type.Integer(),
              }),
            ),
          }),
          ...problemResponses,
        },
      },
    },
    async (request) => {
      const current = status();
      if (!current)
        return {
          configured: false,
          serverId: null,
          relay: null,
          state: null,
          domain: null,
          deviceHost: null,
          appleEnrollmentUrl: null,
          lastError: null,
          licence: null,
        };
      const tenant = current.domain
        ? await core.deps.store.tenants.get(actorOf(request).tenantId)
        : undefined;
      const deviceHost = tenant && current.domain ? `${tenant.slug}.${current.domain}` : null;
      return {
        configured: true,
        serverId: current.serverId,
        relay: current.relay,
        state: current.state,
        domain: current.domain ?? null,
        deviceHost,
        appleEnrollmentUrl: deviceHost && `https://${deviceHost}/enroll`,
        lastError: current.lastError ?? null,
        licence: current.licence
          ? {
              serverName: current.licence.serverName,
              maxDevices: current.licence.maxDevices,
              features: current.licence.features,
              issuedAt: current.licence.issuedAt,
              expiresAt: current.licence.expiresAt,
            }
          : null,
      };
    },
  );
}
