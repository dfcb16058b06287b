import { Type } from "typebox";
import type { Core } from "@meridian/core";
import { actorOf } from "../../plugins/access.js";
import { PageOf, PageQuery, Strict, problemResponses } from "../../schemas/common.js";
import { AuditEventSchema } from "../../schemas/entities.js";
import { bearer, type TypedApp } from "../typed-app.js";

const Settings = Strict({ retentionDays: Type.Integer({ minimum: 7, maximum: 3650 }) });

export function auditRoutes(app: TypedApp, core: Core): void {
  const tags = ["Audit"];

  app.get(
    "/api/v1/audit-events",
    {
      config: { access: "audit:read" },
      schema: {
        tags,
        summary: "The audit log, newest first",
        description:
          "`action=user` matches every user.* action; `action=user.create` only that one. `from` and `to` are Unix milliseconds, inclusive.",
        security: bearer,
        querystring: Strict({
          actor: Type.Optional(
            Type.String({ maxLength: 64, description: "Actor id (administrator or API token)." }),
          ),
          action: Type.Optional(Type.String({ maxLength: 64, pattern: "^[a-z_]+(\\.[a-z_]+)?$" })),
          target: Type.Optional(Type.String({ maxLength: 64, description: "Target object id." })),
          from: Type.Optional(Type.Integer({ minimum: 0 })),
          to: Type.Optional(Type.Integer({ minimum: 0 })),
          ...PageQuery,
        }),
        response: { 200: PageOf(AuditEventSchema), ...problemResponses },
      },
    },
    async (request) => {
      const { actor, action, target, from, to, limit, cursor } = request.query;
      return core.audit.list(
        actorOf(request),
        { actorId: actor, action, targetId: target, from, to },
        { limit, ...(cursor ? { cursor } : {}) },
      );
    },
  );

  app.get(
    "/api/v1/audit/settings",
    {
      config: { access: "audit:read" },
      schema: {
        tags,
        summary: "Audit settings",
        security: bearer,
        response: { 200: Settings, ...problemResponses },
      },
    },
    async (request) => core.audit.settings(actorOf(request).tenantId),
  );

  app.put(
    "/api/v1/audit/settings",
    {
      config: { access: "audit:settings" },
      schema: {
        tags,
        summary: "Change audit retention",
        security: bearer,
        body: Settings,
        response: { 200: Settings, ...problemResponses },
      },
    },
    async (request) => core.audit.updateSettings(actorOf(request), request.body),
  );
}
