import type { Platform } from "../devices/device.js";
import type { Page, PageRequest } from "../shared/paging.js";

/**
 * What an administrator can ask of a device. Modelled on Android Enterprise's device policy
 * controller, so a real agent can carry each out; Apple and Windows protocols map onto the same names.
 */
export const COMMAND_TYPES = [
  "lock",
  "reboot",
  "wipe",
  "delete_work_data",
  "reset_password",
  "request_inventory",
  "install_app",
  "uninstall_app",
  "shutdown",
  "install_profile",
  "remove_profile",
  "set_device_name",
  "device_configured",
  "renew_identity",
] as const;
export type CommandType = (typeof COMMAND_TYPES)[number];

/** Commands only some platforms' protocols can carry; the rest go to every platform. */
export const COMMAND_PLATFORMS: Partial<Record<CommandType, readonly Platform[]>> = {
  delete_work_data: ["android", "windows"],
  shutdown: ["ios", "macos"],
  install_profile: ["ios", "macos"],
  remove_profile: ["ios", "macos"],
  set_device_name: ["ios", "macos"],
  device_configured: ["ios", "macos"],
  /** A fresh enrollment profile whose SCEP payload gives the device a new identity certificate. */
  renew_identity: ["ios", "macos"],
};

export function commandSupportedOn(type: CommandType, platform: Platform): boolean {
  return COMMAND_PLATFORMS[type]?.includes(platform) ?? true;
}

/**
 * pending: queued, not yet fetched. delivered: the device fetched it and has not answered.
 * acknowledged / error: the device answered. not_now: the device cannot do it yet and will be
 * asked again later. expired: nobody answered before it expired. cancelled: an administrator withdrew it.
 */
export const COMMAND_STATES = [
  "pending",
  "delivered",
  "acknowledged",
  "error",
  "not_now",
  "expired",
  "cancelled",
] as const;
export type CommandState = (typeof COMMAND_STATES)[number];

export const FINAL_COMMAND_STATES: readonly CommandState[] = [
  "acknowledged",
  "error",
  "expired",
  "cancelled",
];

/** Urgent commands jump the queue: a lost phone must lock before it refreshes its inventory. */
export const URGENT_PRIORITY = 10;
export const NORMAL_PRIORITY = 0;

export interface CommandError {
  code: string;
  message: string;
}

export interface Command {
  id: string;
  tenantId: string;
  deviceId: string;
  type: CommandType;
  payload: Record<string, unknown>;
  state: CommandState;
  priority: number;
  /** Set when the command was sent to many devices at once. */
  batchId: string | null;
  createdBy: string;
  createdAt: number;
  expiresAt: number;
  deliveredAt: number | null;
  /** When a `not_now` or unanswered `delivered` command may be handed out again. */
  retryAt: number | null;
  completedAt: number | null;
  attempts: number;
  result: Record<string, unknown> | null;
  error: CommandError | null;
}

export interface CommandQuery {
  state?: CommandState | undefined;
}

export interface CommandRepository {
  insertMany(commands: Command[]): Promise<void>;
  /**
   * Queues the same command for many devices in set-based writes (a profile to 100,000 devices).
   * Each id is `idPrefix` (the first 24 characters of a UUIDv7) and a 12-hex-digit counter, so the
   * batch's ids are unique, valid UUIDs, and sort after every id made before the batch.
   */
  insertForDevices(
    deviceIds: readonly string[],
    template: Omit<Command, "id" | "deviceId">,
    idPrefix: string,
  ): Promise<void>;
  get(id: string): Promise<Command | undefined>;
  /**
   * Hands out the device's next command: the most urgent, then the oldest, among those pending or
   * due for another try. Marks it delivered in the same statement, so two fetches never get the same
   * command at once.
   */
  takeNext(
    deviceId: string,
    now: number,
    retryAt: number,
    /** The device has answered everything it got: a command still marked delivered never reached it. */
    resendUnanswered?: boolean,
  ): Promise<Command | undefined>;
  /**
   * Records the device's answer and returns the command as it now is; undefined when it was not open
   * for one (already answered, or cancelled). A late answer to an expired command is still recorded:
   * it says what really happened.
   */
  complete(
    id: string,
    deviceId: string,
    outcome: {
      state: CommandState;
      result: Record<string, unknown> | null;
      error: CommandError | null;
      completedAt: number | null;
      retryAt: number | null;
    },
  ): Promise<Command | undefined>;
  cancel(id: string, now: number): Promise<boolean>;
  /** Withdraws every open command of the device, saying why; returns how many. */
  cancelOpenForDevice(deviceId: string, now: number, reason: CommandError): Promise<number>;
  listForDevice(deviceId: string, query: CommandQuery, page: PageRequest): Promise<Page<Command>>;
  deleteForDevice(deviceId: string): Promise<void>;
  /** Marks open commands past their expiry as expired; returns how many. */
  expireDue(now: number): Promise<number>;
  /** How many of one bulk send's commands are in each state (states with none are left out). */
  countBatchByState(batchId: string): Promise<Partial<Record<CommandState, number>>>;
  /** Devices with a command still pending or unanswered since before `createdBefore`: the push sweep's work. */
  devicesWithOpenCommands(createdBefore: number, limit: number): Promise<string[]>;
}

/** Where one bulk send stands: how many commands it queued, and how many are in each state now. */
export interface CommandBatchProgress {
  batchId: string;
  total: number;
  states: Partial<Record<CommandState, number>>;
}
