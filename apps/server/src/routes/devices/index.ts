import { Type } from "typebox";
import { COMPLIANCE_FILTERS, DEVICE_SORTS, type Core } from "@meridian/core";
import { actorOf } from "../../plugins/access.js";
import {
  Id,
  IdParams,
  NoContent,
  Nullable,
  PageOf,
  PageQuery,
  Strict,
  problemResponses,
} from "../../schemas/common.js";
import {
  ComplianceSchema,
  DeviceDetailSchema,
  DeviceSchema,
  DeviceStateSchema,
  InventorySchema,
  OwnershipSchema,
  PlatformSchema,
} from "../../schemas/entities.js";
import { bearer, type TypedApp } from "../typed-app.js";

export function deviceRoutes(app: TypedApp, core: Core): void {
  const tags = ["Devices"];

  app.get(
    "/api/v1/devices",
    {
      config: { access: "devices:read" },
      schema: {
        tags,
        summary: "List devices with filters",
        description:
          "`osVersion=17` matches 17 and 17.x. `q` matches any part of the name, model, serial number or IMEI.",
        security: bearer,
        querystring: Strict({
          platform: Type.Optional(PlatformSchema),
          osVersion: Type.Optional(Type.String({ maxLength: 32 })),
          state: Type.Optional(DeviceStateSchema),
          ownership: Type.Optional(OwnershipSchema),
          owner: Type.Optional(Id),
          group: Type.Optional(
            Type.String({
              format: "uuid",
              description: "Devices owned by the group's users, directly or through nested groups.",
            }),
          ),
          compliance: Type.Optional(
            Type.Enum([...COMPLIANCE_FILTERS], {
              description: "By the last compliance report; not_reported when none came yet.",
            }),
          ),
          q: Type.Optional(Type.String({ maxLength: 200 })),
          sort: Type.Optional(Type.Enum([...DEVICE_SORTS])),
          order: Type.Optional(Type.Union([Type.Literal("asc"), Type.Literal("desc")])),
          ...PageQuery,
        }),
        response: { 200: PageOf(DeviceSchema), ...problemResponses },
      },
    },
    async (request) => {
      const {
        platform,
        osVersion,
        state,
        ownership,
        owner,
        group,
        compliance,
        q,
        sort,
        order,
        limit,
        cursor,
      } = request.query;
      return core.devices.list(
        actorOf(request),
        {
          platform,
          osVersion,
          state,
          ownership,
          ownerUserId: owner,
          groupId: group,
          compliance,
          text: q,
          sort,
          descending: order === "desc",
        },
        { limit, ...(cursor ? { cursor } : {}) },
      );
    },
  );

  app.get(
    "/api/v1/devices/summary",
    {
      config: { access: "devices:read" },
      schema: {
        tags,
        summary: "Device counts by platform, state, OS version, last contact and compliance",
        security: bearer,
        response: {
          200: Type.Object({
            total: Type.Integer(),
            byPlatform: Type.Record(Type.String(), Type.Integer()),
            byState: Type.Record(Type.String(), Type.Integer()),
            byOsVersion: Type.Array(
              Type.Object({
                platform: Type.String(),
                osVersion: Nullable(Type.String()),
                count: Type.Integer(),
              }),
            ),
            byLastContact: Type.Object(
              {
                day: Type.Integer(),
                week: Type.Integer(),
                month: Type.Integer(),
                older: Type.Integer(),
                never: Type.Integer(),
              },
              { description: "Last contact within 24 hours, 1–7 days, 7–30 days, longer ago, or never." },
            ),
            byCompliance: Type.Object(
              { compliant: Type.Integer(), notCompliant: Type.Integer(), notReported: Type.Integer() },
              { description: "By each device's last compliance report." },
            ),
            appleIdentitiesEndingSoon: Type.Integer({
              description:
                "Enrolled Apple devices whose identity certificate ends within 7 days without a renewal having taken; at the end they stop being managed.",
            }),
          }),
          ...problemResponses,
        },
      },
    },
    async (request) => core.devices.summary(actorOf(request)),
  );

  app.get(
    "/api/v1/devices/:id",
    {
      config: { access: "devices:read" },
      schema: {
        tags,
        summary: "Get a device",
        description: "With `identityExpiresAt`, when its identity certificate ends.",
        security: bearer,
        params: IdParams,
        response: { 200: DeviceDetailSchema, ...problemResponses },
      },
    },
    async (request) => core.devices.detail(actorOf(request), request.params.id),
  );

  app.get(
    "/api/v1/devices/:id/inventory",
    {
      config: { access: "devices:read" },
      schema: {
        tags,
        summary: "What the device last reported: hardware, OS, security state, installed apps",
        description: "`null` until the device has reported.",
        security: bearer,
        params: IdParams,
        response: { 200: Nullable(InventorySchema), ...problemResponses },
      },
    },
    async (request) => core.devices.inventory(actorOf(request), request.params.id),
  );

  app.get(
    "/api/v1/devices/:id/compliance",
    {
      config: { access: "devices:read" },
      schema: {
        tags,
        summary: "The device's last compliance report",
        description: "`null` until the device has reported.",
        security: bearer,
        params: IdParams,
        response: { 200: Nullable(ComplianceSchema), ...problemResponses },
      },
    },
    async (request) => core.devices.compliance(actorOf(request), request.params.id),
  );

  app.patch(
    "/api/v1/devices/:id",
    {
      config: { access: "devices:write" },
      schema: {
        tags,
        summary: "Rename a device, set its ownership or owner",
        security: bearer,
        params: IdParams,
        body: Strict({
          name: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
          ownership: Type.Optional(OwnershipSchema),
          ownerUserId: Type.Optional(Nullable(Id)),
        }),
        response: { 200: DeviceSchema, ...problemResponses },
      },
    },
    async (request) => core.devices.update(actorOf(request), request.params.id, request.body),
  );

  app.delete(
    "/api/v1/devices/:id",
    {
      config: { access: "devices:write" },
      schema: {
        tags,
        summary: "Forget a device",
        security: bearer,
        params: IdParams,
        response: { 204: NoContent, ...problemResponses },
      },
    },
    async (request, reply) => {
      await core.devices.delete(actorOf(request), request.params.id);
      return reply.status(204).send(null);
    },
  );
}
