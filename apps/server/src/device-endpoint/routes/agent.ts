import { Type } from "typebox";
import type { Core } from "@meridian/core";
import {
  AGENT_COMMAND_TYPES,
  AGENT_PATHS,
  AGENT_PROTOCOL_VERSION,
  CommandResult,
  ComplianceReport,
  DeliveredCommand,
  DeviceConfiguration,
  Hello,
  HelloReply,
  InventoryReport,
  type AgentCommandType,
} from "@meridian/protocol";
import type { TypedApp } from "../../routes/typed-app.js";
import { requestingDevice, type AgentAppOptions } from "../agent-app.js";
import { noteContact } from "../last-contact.js";

/** Until policies are assigned (a later capability), every device gets this configuration. */
export const BASELINE_CONFIGURATION = {
  version: 1,
  checkInIntervalSeconds: 900,
  password: { required: false },
  apps: [],
  restrictions: {
    cameraDisabled: false,
    screenCaptureDisabled: false,
    usbFileTransferDisabled: false,
    factoryResetDisabled: false,
    installUnknownSourcesDisabled: false,
  },
};

const MAX_WAIT_SECONDS = 55;

/** The requests of an activated device: every one authenticated by its identity certificate. */
export function agentRoutes(app: TypedApp, { core, waiters }: AgentAppOptions): void {
  app.post(AGENT_PATHS.hello, { schema: { body: Hello, response: { 200: HelloReply } } }, async (request) => {
    const { tenant, device, serial } = await requestingDevice(core, request);
    await noteContact(core, tenant.id, device);
    const push = request.body.push;
    // On the relay's own channel the device is known by the certificate it connects with.
    if (push)
      await core.push.register(tenant.id, device.id, {
        service: push.service,
        token: push.service === "relay" ? serial : (push.token ?? ""),
      });
    return {
      protocolVersion: AGENT_PROTOCOL_VERSION,
      deviceId: device.id,
      serverTime: Date.now(),
      configurationVersion: BASELINE_CONFIGURATION.version,
    };
  });

  app.post(AGENT_PATHS.inventory, { schema: { body: InventoryReport } }, async (request, reply) => {
    const { tenant, device } = await requestingDevice(core, request);
    const { hardware, os, security, apps, collectedAt } = request.body;
    await core.devices.recordInventory(tenant.id, device.id, {
      collectedAt,
      hardware: {
        manufacturer: hardware.manufacturer ?? null,
        model: hardware.model ?? null,
        serialNumber: hardware.serialNumber ?? null,
        imei: hardware.imei ?? null,
        wifiMac: hardware.wifiMac ?? null,
        totalStorageBytes: hardware.totalStorageBytes ?? null,
        freeStorageBytes: hardware.freeStorageBytes ?? null,
        batteryLevel: hardware.batteryLevel ?? null,
      },
      os: {
        version: os.version,
        buildId: os.buildId ?? null,
        securityPatchLevel: os.securityPatchLevel ?? null,
      },
      security: {
        encrypted: security.encrypted,
        passcodeSet: security.passcodeSet,
        compromised: security.compromised,
        developerOptionsEnabled: security.developerOptionsEnabled ?? null,
        unknownSourcesAllowed: security.unknownSourcesAllowed ?? null,
      },
      apps: apps.map((a) => ({
        packageName: a.packageName,
        name: a.name ?? null,
        version: a.version ?? null,
        installSource: a.installSource ?? null,
        managed: a.managed ?? false,
      })),
    });
    return reply.status(204).send();
  });

  app.get(
    AGENT_PATHS.configuration,
    { schema: { response: { 200: DeviceConfiguration } } },
    async (request) => {
      const { tenant, device } = await requestingDevice(core, request);
      await noteContact(core, tenant.id, device);
      return BASELINE_CONFIGURATION;
    },
  );

  app.get(
    AGENT_PATHS.nextCommand,
    {
      schema: {
        querystring: Type.Object(
          { wait: Type.Optional(Type.Integer({ minimum: 0, maximum: MAX_WAIT_SECONDS })) },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({ command: DeliveredCommand }),
          204: Type.Null({ description: "No command within the wait." }),
        },
      },
    },
    async (request, reply) => {
      const { tenant, device } = await requestingDevice(core, request);
      await noteContact(core, tenant.id, device);
      let command = await nextForAgent(core, tenant.id, device.id);
      if (!command && request.query.wait) {
        // Wait for a command to be queued, or for the device to hang up.
        const gone = new AbortController();
        request.raw.once("close", () => gone.abort());
        await waiters.wait(tenant.id, device.id, request.query.wait * 1000, gone.signal);
        if (!gone.signal.aborted) command = await nextForAgent(core, tenant.id, device.id);
      }
      if (!command) return reply.status(204).send(null);
      return {
        command: {
          id: command.id,
          type: command.type as AgentCommandType,
          payload: command.payload,
          expiresAt: command.expiresAt,
        },
      };
    },
  );

  app.post(
    "/agent/v1/commands/:id/result",
    {
      schema: {
        params: Type.Object({ id: Type.String({ maxLength: 64 }) }, { additionalProperties: false }),
        body: CommandResult,
      },
    },
    async (request, reply) => {
      const { tenant, device } = await requestingDevice(core, request);
      await core.commands.report(tenant.id, device.id, request.params.id, request.body);
      return reply.status(204).send();
    },
  );

  app.post(AGENT_PATHS.compliance, { schema: { body: ComplianceReport } }, async (request, reply) => {
    const { tenant, device } = await requestingDevice(core, request);
    await core.devices.recordCompliance(tenant.id, device.id, request.body);
    return reply.status(204).send();
  });
}

/**
 * The next command the agent can carry out. Sending checks the device's platform, so another kind is
 * rare (a device whose platform changed); it fails visibly instead of blocking the queue.
 */
async function nextForAgent(core: Core, tenantId: string, deviceId: string) {
  for (;;) {
    const command = await core.commands.next(tenantId, deviceId);
    if (!command || (AGENT_COMMAND_TYPES as readonly string[]).includes(command.type)) return command;
    await core.commands.report(tenantId, deviceId, command.id, {
      status: "error",
      error: { code: "not_supported", message: `The Meridian agent cannot carry out ${command.type}.` },
    });
  }
}
