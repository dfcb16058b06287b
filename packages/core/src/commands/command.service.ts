import type { Actor } from "../access/actor.js";
import type { DeviceFilter } from "../devices/device.js";
import { changeAndAudit, type CoreDeps } from "../shared/context.js";
import { MeridianError, conflict, invalid, notFound } from "../shared/errors.js";
import { newId } from "../shared/ids.js";
import { pageRequest, type Page } from "../shared/paging.js";
import type { ActivationListener } from "../activations/activation.service.js";
import { checkCommandPayload } from "./command-payloads.js";
import type { TenantStore } from "../store.js";
import {
  COMMAND_PLATFORMS,
  commandSupportedOn,
  type CommandBatchProgress,
  NORMAL_PRIORITY,
  URGENT_PRIORITY,
  type Command,
  type CommandError,
  type CommandQuery,
  type CommandType,
} from "./command.js";

/** Told when commands are queued, so that the devices can be woken (push) or a waiting fetch answered. */
export interface CommandNotifier {
  commandsQueued(tenantId: string, deviceIds: readonly string[]): void;
}

export interface CommandOptions {
  /** How long a command waits for its device unless the sender says otherwise. */
  lifetimeMs: number;
  /** A delivered command the device never answered is handed out again after this long. */
  redeliverAfterMs: number;
  /** A device that answered NotNow is asked again after this long. */
  notNowRetryMs: number;
  /** The most devices one send may address. */
  maxDevicesPerSend: number;
}

export const COMMAND_DEFAULTS: CommandOptions = {
  lifetimeMs: 7 * 86_400_000,
  redeliverAfterMs: 5 * 60_000,
  notNowRetryMs: 15 * 60_000,
  maxDevicesPerSend: 200_000,
};

const URGENT: readonly CommandType[] = ["lock", "wipe", "delete_work_data"];

export interface NewCommand {
  type: CommandType;
  payload?: Record<string, unknown> | undefined;
  /** From one minute to 30 days. */
  expiresInMinutes?: number | undefined;
}

export interface CommandOutcome {
  status: "acknowledged" | "error" | "not_now";
  result?: Record<string, unknown> | undefined;
  error?: CommandError | undefined;
}

/** How often a device's fetch also marks a tenant's overdue commands expired. */
const EXPIRY_SWEEP_MS = 1_000;

export class CommandService {
  private readonly expirySweptAt = new Map<string, number>();

  constructor(
    private readonly deps: CoreDeps,
    private readonly notifier: CommandNotifier,
    private readonly options: CommandOptions = COMMAND_DEFAULTS,
    private readonly listener: Pick<ActivationListener, "managedDevicesChanged"> = {
      managedDevicesChanged: () => undefined,
    },
  ) {}

  private template(actor: Actor, input: NewCommand, now: number) {
    const payload = checkCommandPayload(input.type, input.payload ?? {});
    const lifetime =
      input.expiresInMinutes === undefined ? this.options.lifetimeMs : input.expiresInMinutes * 60_000;
    if (!Number.isInteger(lifetime) || lifetime < 60_000 || lifetime > 30 * 86_400_000) {
      throw invalid("invalid_expiry", "expiresInMinutes must be from 1 minute to 30 days (43200 minutes)", [
        { field: "expiresInMinutes", message: "must be from 1 to 43200" },
      ]);
    }
    return (deviceId: string, batchId: string | null): Command => ({
      id: newId(now),
      tenantId: actor.tenantId,
      deviceId,
      type: input.type,
      payload,
      state: "pending",
      priority: URGENT.includes(input.type) ? URGENT_PRIORITY : NORMAL_PRIORITY,
      batchId,
      createdBy: actor.label,
      createdAt: now,
      expiresAt: now + lifetime,
      deliveredAt: null,
      retryAt: null,
      completedAt: null,
      attempts: 0,
      result: null,
      error: null,
    });
  }

  async send(actor: Actor, deviceId: string, input: NewCommand): Promise<Command> {
    const now = this.deps.clock.now();
    const make = this.template(actor, input, now);
    const command = await changeAndAudit(this.deps, actor, async (tenant, audit) => {
      const device = await tenant.devices.get(deviceId);
      if (!device) throw notFound("device", deviceId);
      if (device.state === "wiped" || device.state === "retired") {
        throw conflict(
          "device_not_managed",
          `${device.name} is ${device.state}; it no longer takes commands.`,
        );
      }
      if (!commandSupportedOn(input.type, device.platform))
        throw invalid(
          "command_not_supported",
          `${device.name} is a ${device.platform} device, which cannot carry a ${input.type} command.`,
        );
      await this.checkReferences(tenant, input);
      const created = make(deviceId, null);
      await tenant.commands.insertMany([created]);
      audit(
        "command.send",
        { type: "device", id: deviceId, label: device.name },
        { commandId: created.id, command: created.type },
      );
      return created;
    });
    this.notifier.commandsQueued(actor.tenantId, [deviceId]);
    return command;
  }

  /**
   * Queues one command for many devices, named by id or chosen by a device-list filter, in one
   * transaction of bulk inserts. Wiped and retired devices are left out.
   */
  async sendToMany(
    actor: Actor,
    input: NewCommand & { deviceIds?: string[] | undefined; filter?: DeviceFilter | undefined },
  ): Promise<{ batchId: string; queued: number }> {
    if ((input.deviceIds === undefined) === (input.filter === undefined)) {
      throw invalid(
        "invalid_target",
        "Name the devices with either deviceIds or filter, not both and not neither.",
      );
    }
    const now = this.deps.clock.now();
    const make = this.template(actor, input, now);
    const batchId = newId(now);
    const deviceIds = await changeAndAudit(this.deps, actor, async (tenant, audit) => {
      const limit = this.options.maxDevicesPerSend;
      const platforms = COMMAND_PLATFORMS[input.type];
      if (platforms && input.filter && !platforms.includes(input.filter.platform!))
        throw invalid(
          "command_not_supported",
          `A ${input.type} command goes to ${platforms.join(" or ")} devices only: filter by one of those platforms.`,
        );
      await this.checkReferences(tenant, input);
      const groupId = input.filter?.groupId;
      if (groupId !== undefined && !(await tenant.groups.get(groupId))) throw notFound("group", groupId);
      const ids = input.deviceIds
        ? await tenant.devices.managedIds([...new Set(input.deviceIds)], platforms)
        : await tenant.devices.idsMatching(
            { ...input.filter, text: input.filter?.text?.trim().toLowerCase() || undefined },
            limit + 1,
          );
      if (ids.length > limit)
        throw invalid(
          "too_many_devices",
          `One send may address at most ${limit} devices; narrow the filter.`,
        );
      const { id: _id, deviceId: _deviceId, ...template } = make("", batchId);
      await tenant.commands.insertForDevices(ids, template, newId(now).slice(0, 24));
      audit(
        "command.send_bulk",
        { type: "command_batch", id: batchId },
        { command: input.type, devices: ids.length, filter: input.filter ?? null },
      );
      return ids;
    });
    if (deviceIds.length > 0) this.notifier.commandsQueued(actor.tenantId, deviceIds);
    return { batchId, queued: deviceIds.length };
  }

  /** A command that names something stored (a profile) is refused at once if it is not there. */
  private async checkReferences(tenant: TenantStore, input: NewCommand): Promise<void> {
    if (input.type !== "install_profile") return;
    const profileId = String(input.payload?.profileId);
    if (!(await tenant.profiles.get(profileId))) throw notFound("profile", profileId);
  }

  /** Where a bulk send stands, for progress shown while thousands of devices answer. */
  async batchProgress(actor: Actor, batchId: string): Promise<CommandBatchProgress> {
    const states = await this.deps.store.forTenant(actor.tenantId).commands.countBatchByState(batchId);
    const total = Object.values(states).reduce((sum, n) => sum + n, 0);
    if (total === 0) throw notFound("command_batch", batchId);
    return { batchId, total, states };
  }

  async get(actor: Actor, commandId: string): Promise<Command> {
    const command = await this.deps.store.forTenant(actor.tenantId).commands.get(commandId);
    if (!command) throw notFound("command", commandId);
    return command;
  }

  async cancel(actor: Actor, commandId: string): Promise<Command> {
    return changeAndAudit(this.deps, actor, async (tenant, audit) => {
      const command = await tenant.commands.get(commandId);
      if (!command) throw notFound("command", commandId);
      if (!(await tenant.commands.cancel(commandId, this.deps.clock.now()))) {
        throw conflict(
          "command_not_cancellable",
          `This command is ${command.state}; only pending or not-now commands can be cancelled.`,
        );
      }
      audit("command.cancel", { type: "device", id: command.deviceId }, { commandId, command: command.type });
      return (await tenant.commands.get(commandId))!;
    });
  }

  async history(
    actor: Actor,
    deviceId: string,
    query: CommandQuery,
    paging: { limit?: number; cursor?: string },
  ): Promise<Page<Command>> {
    const tenant = this.deps.store.forTenant(actor.tenantId);
    if (!(await tenant.devices.get(deviceId))) throw notFound("device", deviceId);
    return tenant.commands.listForDevice(deviceId, query, pageRequest(paging));
  }

  /** One of the device's commands, for a device protocol reading the device's answer to it. */
  async ofDevice(tenantId: string, deviceId: string, commandId: string): Promise<Command | undefined> {
    const command = await this.deps.store.forTenant(tenantId).commands.get(commandId);
    return command?.deviceId === deviceId ? command : undefined;
  }

  /** The device's next command, marked delivered; the device protocols call this when a device checks in. */
  async next(
    tenantId: string,
    deviceId: string,
    options: {
      /**
       * Apple devices ask for a command only once they have answered the last one, so a command
       * still marked delivered was lost on the way (a connection cut mid-answer) and goes again now.
       */
      resendUnanswered?: boolean;
    } = {},
  ): Promise<Command | undefined> {
    const now = this.deps.clock.now();
    const commands = this.deps.store.forTenant(tenantId).commands;
    // takeNext never hands out an expired command; marking them expired is for people reading the
    // history, so it runs at most once a second per tenant rather than on every check-in.
    if (now - (this.expirySweptAt.get(tenantId) ?? -Infinity) >= EXPIRY_SWEEP_MS) {
      this.expirySweptAt.set(tenantId, now);
      await commands.expireDue(now);
    }
    return commands.takeNext(deviceId, now, now + this.options.redeliverAfterMs, options.resendUnanswered);
  }

  /** Records what the device did with a command. Repeating an answer changes nothing. */
  async report(
    tenantId: string,
    deviceId: string,
    commandId: string,
    outcome: CommandOutcome,
  ): Promise<Command> {
    const now = this.deps.clock.now();
    return this.deps.store
      .transaction(async (tx) => {
        const tenant = tx.forTenant(tenantId);
        const command = await tenant.commands.get(commandId);
        if (!command || command.deviceId !== deviceId) {
          throw new MeridianError(
            "not_found",
            "command_not_found",
            `This device has no command ${commandId}.`,
          );
        }
        const completed = await tenant.commands.complete(commandId, deviceId, {
          state: outcome.status,
          result: outcome.result ?? null,
          error:
            outcome.status === "error"
              ? (outcome.error ?? {
                  code: "unknown",
                  message: "The device reported an error without details.",
                })
              : null,
          completedAt: outcome.status === "not_now" ? null : now,
          retryAt: outcome.status === "not_now" ? now + this.options.notNowRetryMs : null,
        });
        if (completed && command.type === "wipe" && outcome.status === "acknowledged") {
          await tenant.devices.update(deviceId, { state: "wiped", updatedAt: now });
          await tenant.deviceCertificates.revokeForDevice(deviceId, now);
        }
        // The device installed the renewal profile and enrolled its new identity by SCEP before
        // answering: the older identities stop working. An Error answer keeps them all.
        if (completed && command.type === "renew_identity" && outcome.status === "acknowledged")
          await tenant.deviceCertificates.revokeAllButNewest(deviceId, now);
        // Not open for an answer (answered already, or cancelled): as it stands.
        return completed ?? command;
      })
      .then((command) => {
        if (command.type === "wipe" && command.state === "acknowledged")
          this.listener.managedDevicesChanged(tenantId);
        return command;
      });
  }

  /** Marks commands past their expiry as expired (the server runs this on a timer). */
  async expireDue(tenantId: string): Promise<number> {
    return this.deps.store.forTenant(tenantId).commands.expireDue(this.deps.clock.now());
  }
}
