import type { DeviceInventory } from "@meridian/core";
import type { AuthenticateMessage } from "../checkin/types.js";
import { attempt, type Result } from "../errors.js";
import { defined } from "../plist/defined.js";
import { optionalNumber, optionalString } from "../plist/fields.js";
import type { PlistDict } from "../plist/value.js";
import { answerOf, requiredDictIn } from "./acknowledged.js";
import type { CommandReport } from "./report.js";

/** The part of the common inventory an Apple answer can fill; the caller merges it into what it has. */
export interface AppleInventoryPatch {
  hardware: Partial<DeviceInventory["hardware"]>;
  os?: Partial<DeviceInventory["os"]>;
  security?: Partial<DeviceInventory["security"]>;
}

// Apple reports capacities in base-2 gigabytes (a 64 GB iPhone says about 59.6).
const BYTES_PER_GB = 2 ** 30;

/** Reads an Acknowledged DeviceInformation report's QueryResponses. */
export function inventoryFromDeviceInformation(report: CommandReport): Result<AppleInventoryPatch> {
  return attempt(() => {
    const answers = requiredDictIn(answerOf(report, "DeviceInformation"), "QueryResponses");
    return defined({ hardware: hardwareFrom(answers), os: osFrom(answers) });
  });
}

/** Authenticate already names the model, serial and OS, before any command has run. */
export function inventoryFromAuthenticate(message: AuthenticateMessage): AppleInventoryPatch {
  return defined({
    hardware: defined({
      manufacturer: "Apple",
      model: message.productName ?? message.model ?? message.modelName,
      serialNumber: message.serialNumber,
      imei: message.imei,
    }),
    os: message.osVersion
      ? defined({ version: message.osVersion, buildId: message.buildVersion })
      : undefined,
  });
}

function hardwareFrom(answers: PlistDict): AppleInventoryPatch["hardware"] {
  const capacity = optionalNumber(answers, "DeviceCapacity");
  const available = optionalNumber(answers, "AvailableDeviceCapacity");
  const battery = optionalNumber(answers, "BatteryLevel");
  return defined({
    manufacturer: "Apple",
    // The machine identifier (iPad2,5, iMac14,2) says exactly which hardware it is; ModelName only "iPad".
    model:
      optionalString(answers, "ProductName") ??
      optionalString(answers, "Model") ??
      optionalString(answers, "ModelName"),
    serialNumber: optionalString(answers, "SerialNumber"),
    imei: optionalString(answers, "IMEI"),
    wifiMac: optionalString(answers, "WiFiMAC"),
    totalStorageBytes: capacity === undefined ? undefined : Math.round(capacity * BYTES_PER_GB),
    freeStorageBytes: available === undefined ? undefined : Math.round(available * BYTES_PER_GB),
    // Devices without a battery, or that cannot tell, report -1.
    batteryLevel: battery === undefined || battery < 0 ? undefined : Math.min(battery, 1),
  });
}

function osFrom(answers: PlistDict): AppleInventoryPatch["os"] {
  const version = optionalString(answers, "OSVersion");
  if (!version) return undefined;
  return defined({ version, buildId: optionalString(answers, "BuildVersion") });
}
