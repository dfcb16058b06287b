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
  /** The stored .mobileconfig an install_profile command names; absent when it was deleted since. */
  profilePayload?: Uint8Array;
  /**
   * renew_identity: the signed enrollment profile made for this delivery, with the same MDM payload
   * identifier and a SCEP payload holding a fresh one-time challenge.
   */
  enrollmentProfile?: Uint8Array;
}

/** What request_inventory's scope asks for: Apple answers one query per command. */
const INVENTORY_SCOPES: Record<string, AppleCommand> = {
  device: { RequestType: "DeviceInformation", Queries: [...INVENTORY_QUERIES] },
  security: { RequestType: "SecurityInfo" },
  apps: { RequestType: "InstalledApplicationList" },
  managed_apps: { RequestType: "ManagedApplicationList" },
  profiles: { RequestType: "ProfileList" },
  certificates: { RequestType: "CertificateList" },
};

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
      if (platform === "macos" && (context.pin ?? text(payload, "pin")) === undefined)
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
          PIN: platform === "macos" ? (context.pin ?? text(payload, "pin")) : undefined,
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
          PIN: platform === "macos" ? (context.pin ?? text(payload, "pin")) : undefined,
        }),
      );
    case "reboot":
      return ok({ RequestType: "RestartDevice" });
    case "request_inventory":
      return ok(INVENTORY_SCOPES[text(payload, "scope") ?? "device"] ?? INVENTORY_SCOPES.device!);
    case "shutdown":
      return ok({ RequestType: "ShutDownDevice" });
    case "install_profile":
      if (!context.profilePayload?.length)
        return fail(
          new AppleMdmError(
            "missing_field",
            "The profile this command installs was deleted after the command was sent; upload it again and resend.",
            "profileId",
          ),
        );
      return ok({ RequestType: "InstallProfile", Payload: context.profilePayload });
    case "renew_identity":
      if (!context.enrollmentProfile?.length)
        return fail(
          new AppleMdmError(
            "missing_field",
            "A renewal needs the enrollment profile made for this delivery, and none was given.",
            "enrollmentProfile",
          ),
        );
      return ok({ RequestType: "InstallProfile", Payload: context.enrollmentProfile });
    case "remove_profile":
      return ok({ RequestType: "RemoveProfile", Identifier: text(payload, "identifier") ?? "" });
    case "set_device_name":
      return ok({
        RequestType: "Settings",
        Settings: [{ Item: "DeviceName", DeviceName: text(payload, "name") ?? "" }],
      });
    case "device_configured":
      return ok({ RequestType: "DeviceConfigured" });
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
