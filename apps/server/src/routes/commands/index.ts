import { Type } from "typebox";
import type { Core } from "@meridian/core";
import { actorOf } from "../../plugins/access.js";
import { Id, IdParams, PageOf, PageQuery, Strict, problemResponses } from "../../schemas/common.js";
import {
  CommandBatchProgressSchema,
  CommandSchema,
  CommandStateSchema,
  CommandTypeSchema,
  DeviceStateSchema,
  OwnershipSchema,
  PlatformSchema,
} from "../../schemas/entities.js";
import { bearer, type TypedApp } from "../typed-app.js";

const PAYLOADS =
  "Payloads: lock {message?, phoneNumber?, pin? (macOS, 6 digits)}; wipe {preserveDataPlan?, wipeExternalStorage?, pin? (macOS)}; " +
  "reset_password {newPassword?} (on iOS, without newPassword: clears the passcode); request_inventory {scope?: device|security|apps|managed_apps|profiles|certificates}; " +
  "install_app {packageName, downloadUrl? (https)}; uninstall_app {packageName}; install_profile {profileId}; remove_profile {identifier}; " +
  "set_device_name {name}; reboot, shutdown, device_configured, renew_identity and delete_work_data take none. " +
  "shutdown, install_profile, remove_profile, set_device_name, device_configured and renew_identity go to Apple devices only; delete_work_data to Android and Windows. " +
  "renew_identity sends a fresh enrollment profile whose SCEP payload gives the device a new identity certificate; the server queues it by itself before identities end.";

const NewCommandFields = {
  type: CommandTypeSchema,
  payload: Type.Optional(Type.Record(Type.String(), Type.Unknown())),
  expiresInMinutes: Type.Optional(
    Type.Integer({ minimum: 1, maximum: 43_200, description: "Default 7 days." }),
  ),
};

export function commandRoutes(app: TypedApp, core: Core): void {
  const tags = ["Commands"];

  app.post(
    "/api/v1/devices/:id/commands",
    {
      config: { access: "devices:command" },
      schema: {
        tags,
        summary: "Send a command to a device",
        description: `Queued durably and delivered the next time the device checks in. ${PAYLOADS}`,
        security: bearer,
        params: IdParams,
        body: Strict(NewCommandFields),
        response: { 201: CommandSchema, ...problemResponses },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await core.commands.send(actorOf(request), request.params.id, request.body)),
  );

  app.get(
    "/api/v1/devices/:id/commands",
    {
      config: { access: "devices:read" },
      schema: {
        tags,
        summary: "A device's commands, newest first",
        security: bearer,
        params: IdParams,
        querystring: Strict({ state: Type.Optional(CommandStateSchema), ...PageQuery }),
        response: { 200: PageOf(CommandSchema), ...problemResponses },
      },
    },
    async (request) => {
      const { state, limit, cursor } = request.query;
      return core.commands.history(
        actorOf(request),
        request.params.id,
        { state },
        { limit, ...(cursor ? { cursor } : {}) },
      );
    },
  );

  app.post(
    "/api/v1/commands",
    {
      config: { access: "devices:command" },
      schema: {
        tags,
        summary: "Send one command to many devices",
        description:
          "Name the devices by `deviceIds`, or choose them with the device-list `filter`; wiped and retired devices are left out. " +
          `Queued in one transaction; answers with the batch id and how many devices got the command. ${PAYLOADS}`,
        security: bearer,
        body: Strict({
          ...NewCommandFields,
          deviceIds: Type.Optional(
            Type.Array(Id, {
              minItems: 1,
              maxItems: 10_000,
              description: "Up to 10,000 ids; use a filter for more.",
            }),
          ),
          filter: Type.Optional(
            Strict({
              platform: Type.Optional(PlatformSchema),
              osVersion: Type.Optional(
                Type.String({ maxLength: 32, pattern: "^[0-9A-Za-z][0-9A-Za-z._-]*$" }),
              ),
              state: Type.Optional(DeviceStateSchema),
              ownership: Type.Optional(OwnershipSchema),
              owner: Type.Optional(Id),
              group: Type.Optional(
                Type.String({
                  format: "uuid",
                  description: "Devices owned by the group's users, directly or through nested groups.",
                }),
              ),
              q: Type.Optional(Type.String({ maxLength: 200 })),
            }),
          ),
        }),
        response: { 202: Type.Object({ batchId: Id, queued: Type.Integer() }), ...problemResponses },
      },
    },
    async (request, reply) => {
      const { filter, ...rest } = request.body;
      const result = await core.commands.sendToMany(actorOf(request), {
        ...rest,
        filter: filter && {
          platform: filter.platform,
          osVersion: filter.osVersion,
          state: filter.state,
          ownership: filter.ownership,
          ownerUserId: filter.owner,
          groupId: filter.group,
          text: filter.q,
        },
      });
      return reply.status(202).send(result);
    },
  );

  app.get(
    "/api/v1/commands/batches/:id",
    {
      config: { access: "devices:read" },
      schema: {
        tags,
        summary: "Progress of a bulk send",
        description: "How many commands the send queued, and how many are in each state now.",
        security: bearer,
        params: IdParams,
        response: { 200: CommandBatchProgressSchema, ...problemResponses },
      },
    },
    async (request) => core.commands.batchProgress(actorOf(request), request.params.id),
  );

  app.get(
    "/api/v1/commands/:id",
    {
      config: { access: "devices:read" },
      schema: {
        tags,
        summary: "Get a command",
        security: bearer,
        params: IdParams,
        response: { 200: CommandSchema, ...problemResponses },
      },
    },
    async (request) => core.commands.get(actorOf(request), request.params.id),
  );

  app.post(
    "/api/v1/commands/:id/cancel",
    {
      config: { access: "devices:command" },
      schema: {
        tags,
        summary: "Withdraw a command the device has not fetched yet",
        description:
          "Only pending and not-now commands can be cancelled; a delivered command is already on the device.",
        security: bearer,
        params: IdParams,
        response: { 200: CommandSchema, ...problemResponses },
      },
    },
    async (request) => core.commands.cancel(actorOf(request), request.params.id),
  );
}
