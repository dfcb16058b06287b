import type { CommandType } from "@meridian/core";
import { AppleMdmError, fail, ok, type Result } from "../errors.js";
import type { AppleCommand, ApplePlatform } from "../commands/types.js";
import { validateAppleCommand } from "../commands/validate.js";
import { defined } from "../plist/defined.js";
import { INVENTORY_QUERIES } from "./inventory-queries.js";

/** What the server knows about the device beyond the command itself. */
export interface AppleCommandContext {
  /** The UnlockToken from the device's TokenUpdate; ClearPasscode cannot work without it. */
  unlockToken?: Uint8Array;
  /**
   * A six-digit Find My PIN for locking or erasing a Mac. This layer does no randomness: the
   * caller generates it and keeps it, since the administrator must later give it to the user.
   */
  pin?: string;
}

// Meridian's payloads are already checked by core (checkCommandPayload); these reads only pick fields out.
const text = (payload: Record<string, unknown>, key: string) =>
  typeof payload[key] === "string" ? payload[key] : undefined;

/** Translates a Meridian command into the Apple command that carries it out on this platform. */
export function appleCommandFor(
  type: CommandType,
  payload: Record<string, unknown>,
  platform: ApplePlatform,
  context: AppleCommandContext = {},
): Result<AppleCommand> {
  const built = build(type, payload, platform, context);
  if (!built.ok) return built;
  const [first, ...rest] = validateAppleCommand(built.value, platform);
  if (!first) return built;
  const message = [first, ...rest].map((problem) => problem.message).join(" ");
  return fail(new AppleMdmError(first.code, message, first.field));
}

function build(
  type: CommandType,
  payload: Record<string, unknown>,
  platform: ApplePlatform,
  context: AppleCommandContext,
): Result<AppleCommand> {
  switch (type) {
    case "lock":
      if (platform === "macos" && context.pin === undefined)
        return fail(
          new AppleMdmError(
            "missing_field",
            "Locking a Mac needs a six-digit PIN that unlocks it later; generate one and keep it for the administrator.",
            "pin",
          ),
        );
      return ok(
        defined({
          RequestType: "DeviceLock",
          Message: text(payload, "message"),
          PhoneNumber: text(payload, "phoneNumber"),
          PIN: platform === "macos" ? context.pin : undefined,
        }),
      );
    case "wipe":
      if (payload.wipeExternalStorage === true)
        return fail(
          new AppleMdmError(
            "unsupported_command",
            "Apple devices have no external storage to wipe; send the wipe without wipeExternalStorage.",
            "wipeExternalStorage",
          ),
        );
      if (platform === "macos" && payload.preserveDataPlan === true)
        return fail(
          new AppleMdmError(
            "invalid_field",
            "Macs have no cellular data plan to preserve.",
            "preserveDataPlan",
          ),
        );
      return ok(
        defined({
          RequestType: "EraseDevice",
          PreserveDataPlan: platform === "ios" && payload.preserveDataPlan === true ? true : undefined,
          PIN: platform === "macos" ? context.pin : undefined,
        }),
      );
    case "reboot":
      return ok({ RequestType: "RestartDevice" });
    case "request_inventory":
      return ok({ RequestType: "DeviceInformation", Queries: [...INVENTORY_QUERIES] });
    case "reset_password":
      if (text(payload, "newPassword") !== undefined)
        return fail(
          new AppleMdmError(
            "unsupported_command",
            "Apple devices cannot be given a new passcode remotely: ClearPasscode removes it and the user sets a new one. Send reset_password without newPassword.",
            "newPassword",
          ),
        );
      if (platform === "ios" && !context.unlockToken?.length)
        return fail(
          new AppleMdmError(
            "missing_field",
            "Clearing the passcode needs the UnlockToken this device sends in its TokenUpdate, and none is on record.",
            "UnlockToken",
          ),
        );
      return ok({ RequestType: "ClearPasscode", UnlockToken: context.unlockToken ?? new Uint8Array() });
    case "install_app": {
      const manifestUrl = text(payload, "downloadUrl");
      return ok(
        manifestUrl
          ? { RequestType: "InstallApplication", ManifestURL: manifestUrl, ManagementFlags: REMOVE_WITH_MDM }
          : {
              RequestType: "InstallApplication",
              Identifier: text(payload, "packageName") ?? "",
              ManagementFlags: REMOVE_WITH_MDM,
            },
      );
    }
    case "uninstall_app":
      return ok({ RequestType: "RemoveApplication", Identifier: text(payload, "packageName") ?? "" });
    case "delete_work_data":
      return fail(
        new AppleMdmError(
          "unsupported_command",
          "delete_work_data is not supported on Apple devices: they have no separate work profile. Use wipe, or remove the MDM enrollment.",
          "type",
        ),
      );
  }
}

// Managed apps should leave with the management that installed them.
const REMOVE_WITH_MDM = 1;
