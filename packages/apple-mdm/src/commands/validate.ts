import { AppleMdmError } from "../errors.js";
import { isPlistDict } from "../plist/value.js";
import { OBLITERATION_BEHAVIORS, type AppleCommand, type ApplePlatform } from "./types.js";

const invalid = (field: string, message: string) => new AppleMdmError("invalid_field", message, field);
const SIX_DIGITS = /^\d{6}$/;

/**
 * Checks a command against what the target platform accepts, before it is queued: a device that
 * gets a malformed command answers CommandFormatError long after the administrator has moved on.
 * Returns every problem; an empty list means the command may be sent.
 */
export function validateAppleCommand(command: AppleCommand, platform: ApplePlatform): AppleMdmError[] {
  const problems: AppleMdmError[] = [];
  const check = (condition: boolean, field: string, message: string) => {
    if (!condition) problems.push(invalid(field, message));
  };
  const onlyOn = (value: unknown, field: string, wanted: ApplePlatform) =>
    check(
      value === undefined || platform === wanted,
      field,
      `${field} applies only to ${name(wanted)} devices.`,
    );

  switch (command.RequestType) {
    case "DeviceInformation":
      check(command.Queries.length > 0, "Queries", "DeviceInformation needs at least one query.");
      check(
        command.Queries.every((query) => typeof query === "string" && query !== ""),
        "Queries",
        "Each query must be a key name such as OSVersion.",
      );
      break;
    case "InstalledApplicationList":
    case "ManagedApplicationList":
      check(
        (command.Identifiers ?? []).every((id) => typeof id === "string" && id !== ""),
        "Identifiers",
        "Each identifier must be an app bundle ID.",
      );
      break;
    case "InstallProfile":
      check(
        command.Payload instanceof Uint8Array && command.Payload.length > 0,
        "Payload",
        "InstallProfile needs the profile's bytes; the payload is empty.",
      );
      break;
    case "RemoveProfile":
    case "RemoveApplication":
      check(command.Identifier.trim() !== "", "Identifier", `${command.RequestType} needs an identifier.`);
      break;
    case "DeviceLock":
      onlyOn(command.PIN, "PIN", "macos");
      check(
        command.PIN === undefined || SIX_DIGITS.test(command.PIN),
        "PIN",
        "The lock PIN must be exactly 6 digits.",
      );
      check(
        command.Message === undefined || command.Message.length <= 500,
        "Message",
        "The message is over 500 characters.",
      );
      break;
    case "EraseDevice":
      onlyOn(command.PIN, "PIN", "macos");
      onlyOn(command.PreserveDataPlan, "PreserveDataPlan", "ios");
      onlyOn(command.DisallowProximitySetup, "DisallowProximitySetup", "ios");
      onlyOn(command.ObliterationBehavior, "ObliterationBehavior", "macos");
      check(
        command.PIN === undefined || SIX_DIGITS.test(command.PIN),
        "PIN",
        "The erase PIN must be exactly 6 digits.",
      );
      check(
        command.ObliterationBehavior === undefined ||
          OBLITERATION_BEHAVIORS.includes(command.ObliterationBehavior),
        "ObliterationBehavior",
        `ObliterationBehavior must be one of ${OBLITERATION_BEHAVIORS.join(", ")}.`,
      );
      break;
    case "ClearPasscode":
      if (platform !== "ios")
        problems.push(
          new AppleMdmError(
            "unsupported_platform",
            "ClearPasscode works only on iPhone and iPad.",
            "RequestType",
          ),
        );
      check(
        command.UnlockToken instanceof Uint8Array && command.UnlockToken.length > 0,
        "UnlockToken",
        "ClearPasscode needs the UnlockToken the device sent in its TokenUpdate; none is on record.",
      );
      break;
    case "InstallApplication": {
      const sources = [command.iTunesStoreID, command.Identifier, command.ManifestURL].filter(
        (v) => v !== undefined,
      );
      check(
        sources.length === 1,
        "iTunesStoreID",
        "Name the app by exactly one of iTunesStoreID, Identifier or ManifestURL.",
      );
      check(
        command.iTunesStoreID === undefined ||
          (Number.isSafeInteger(command.iTunesStoreID) && command.iTunesStoreID > 0),
        "iTunesStoreID",
        "iTunesStoreID must be a positive whole number.",
      );
      check(
        command.ManifestURL === undefined || /^https:\/\/\S+$/.test(command.ManifestURL),
        "ManifestURL",
        "ManifestURL must be an https:// address.",
      );
      check(
        command.ManagementFlags === undefined ||
          (Number.isInteger(command.ManagementFlags) && command.ManagementFlags >= 0),
        "ManagementFlags",
        "ManagementFlags must be a whole number of flags (1: remove with MDM, 4: no backup).",
      );
      break;
    }
    case "Settings":
      check(command.Settings.length > 0, "Settings", "Settings needs at least one setting.");
      check(
        command.Settings.every(
          (item) => isPlistDict(item) && typeof item.Item === "string" && item.Item !== "",
        ),
        "Settings",
        "Each setting must be a dictionary naming its Item, such as DeviceName.",
      );
      break;
    case "SecurityInfo":
    case "ProfileList":
    case "CertificateList":
    case "RestartDevice":
    case "ShutDownDevice":
    case "DeviceConfigured":
    case "DeclarativeManagement":
      break;
  }
  return problems;
}

const name = (platform: ApplePlatform) => (platform === "ios" ? "iPhone and iPad" : "Mac");
