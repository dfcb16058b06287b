import type { Result } from "../errors.js";
import { inventoryFromDeviceInformation, type AppleInventoryPatch } from "./device-information.js";
import type { CommandReport } from "./report.js";
import { securityFromSecurityInfo } from "./security-info.js";

/** One inventory patch from a DeviceInformation answer and, when there is one, a SecurityInfo answer. */
export function inventoryFromReports(
  deviceInformation: CommandReport,
  securityInfo?: CommandReport,
): Result<AppleInventoryPatch> {
  const device = inventoryFromDeviceInformation(deviceInformation);
  if (!device.ok || !securityInfo) return device;
  const security = securityFromSecurityInfo(securityInfo);
  if (!security.ok) return security;
  return { ok: true, value: { ...device.value, security: security.value } };
}
