import type { AppleRequestType } from "./types.js";

// A stolen device must lock or erase before anything else queued for it, even a slow app install.
const URGENT: ReadonlySet<AppleRequestType> = new Set(["DeviceLock", "EraseDevice"]);

/** Whether a command should jump the device's queue. */
export function isUrgentRequestType(requestType: AppleRequestType): boolean {
  return URGENT.has(requestType);
}
