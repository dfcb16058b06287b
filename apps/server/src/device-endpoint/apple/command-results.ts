import type { Command, CommandError, CommandOutcome, Core } from "@meridian/core";
import {
  appsFromInstalledApplicationList,
  appsFromManagedApplicationList,
  certificatesFromCertificateList,
  inventoryFromDeviceInformation,
  profilesFromProfileList,
  securityFromSecurityInfo,
  type CommandResultReport,
  type PlistValue,
} from "@meridian/apple-mdm";

/** A command's stored result is for people to read: long answers are summarised, not kept whole. */
const MAX_RESULT_CHARS = 32 * 1024;

/** Plist values as JSON: bytes in base64, dates in ISO 8601, big integers as text. */
export function plistToJson(value: PlistValue): unknown {
  if (value instanceof Uint8Array) return Buffer.from(value).toString("base64");
  if (value instanceof Date) return value.toISOString();
  if (typeof value === "bigint") return value.toString();
  if (Array.isArray(value)) return value.map(plistToJson);
  if (typeof value === "object")
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, plistToJson(v)]));
  return value;
}

function errorOf(report: CommandResultReport): CommandError {
  if (report.status === "CommandFormatError")
    return { code: "command_format_error", message: "The device could not read the command." };
  const [first] = report.errorChain;
  if (!first) return { code: "device_error", message: "The device reported an error without details." };
  return {
    code: `${first.errorDomain ?? "apple"}:${first.errorCode ?? "unknown"}`.slice(0, 100),
    message:
      report.errorChain
        .map((e) => e.usEnglishDescription ?? e.localizedDescription ?? `${e.errorDomain} ${e.errorCode}`)
        .join(" — ")
        .slice(0, 1000) || "The device reported an error.",
  };
}

function bounded(result: Record<string, unknown>): Record<string, unknown> {
  const text = JSON.stringify(result);
  return text.length <= MAX_RESULT_CHARS
    ? result
    : { truncated: true, keys: Object.keys(result), characters: text.length };
}

/**
 * Records a device's answer to a command: its state, and what the answer says about the device
 * (inventory, apps) in the common model. An answer that cannot be read is kept as an error on the
 * command, never as a failed request: a device that is refused resends the same answer for ever.
 */
export async function recordAppleAnswer(
  core: Core,
  tenantId: string,
  deviceId: string,
  command: Command,
  report: CommandResultReport,
): Promise<void> {
  let outcome: CommandOutcome;
  if (report.status === "NotNow") outcome = { status: "not_now" };
  else if (report.status !== "Acknowledged") outcome = { status: "error", error: errorOf(report) };
  else {
    const result = await applyAnswer(core, tenantId, deviceId, command, report);
    outcome =
      "error" in result
        ? { status: "error", error: result.error }
        : { status: "acknowledged", result: bounded(result.value) };
  }
  await core.commands.report(tenantId, deviceId, command.id, outcome);
}

async function applyAnswer(
  core: Core,
  tenantId: string,
  deviceId: string,
  command: Command,
  report: CommandResultReport,
): Promise<{ value: Record<string, unknown> } | { error: CommandError }> {
  const unreadable = (message: string) => ({
    error: { code: "unreadable_answer", message: `The device's answer could not be read: ${message}` },
  });
  if (command.type !== "request_inventory")
    return { value: plistToJson(report.fields) as Record<string, unknown> };
  switch (command.payload.scope ?? "device") {
    case "device": {
      const patch = inventoryFromDeviceInformation(report);
      if (!patch.ok) return unreadable(patch.error.message);
      await core.devices.recordInventoryPart(tenantId, deviceId, patch.value);
      return { value: plistToJson(report.fields) as Record<string, unknown> };
    }
    case "security": {
      const security = securityFromSecurityInfo(report);
      if (!security.ok) return unreadable(security.error.message);
      await core.devices.recordInventoryPart(tenantId, deviceId, { security: security.value });
      return { value: plistToJson(report.fields) as Record<string, unknown> };
    }
    case "apps": {
      const apps = appsFromInstalledApplicationList(report);
      if (!apps.ok) return unreadable(apps.error.message);
      await core.devices.recordInventoryPart(tenantId, deviceId, { apps: apps.value });
      return { value: { apps: apps.value.length } };
    }
    case "managed_apps": {
      const apps = appsFromManagedApplicationList(report);
      return apps.ok ? { value: { apps: apps.value } } : unreadable(apps.error.message);
    }
    case "profiles": {
      const profiles = profilesFromProfileList(report);
      return profiles.ok ? { value: { profiles: profiles.value } } : unreadable(profiles.error.message);
    }
    case "certificates": {
      const certificates = certificatesFromCertificateList(report);
      return certificates.ok
        ? {
            value: {
              certificates: certificates.value.map(({ commonName, isIdentity }) => ({
                commonName,
                isIdentity,
              })),
            },
          }
        : unreadable(certificates.error.message);
    }
    default:
      return { value: plistToJson(report.fields) as Record<string, unknown> };
  }
}
