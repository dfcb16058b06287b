import { invalid, type FieldProblem } from "../shared/errors.js";
import type { CommandType } from "./command.js";

type FieldRule = { type: "string"; max: number; required?: boolean; pattern?: RegExp } | { type: "boolean" };

/** What each command may carry. Unknown fields are refused, so a typo never silently does nothing. */
const PAYLOADS: Record<CommandType, Record<string, FieldRule>> = {
  lock: {
    message: { type: "string", max: 500 },
    phoneNumber: { type: "string", max: 40, pattern: /^[0-9+()\-. ]*$/ },
    /** macOS: the six-digit PIN that unlocks the Mac again. */
    pin: { type: "string", max: 6, pattern: /^[0-9]{6}$/ },
  },
  reboot: {},
  wipe: {
    preserveDataPlan: { type: "boolean" },
    wipeExternalStorage: { type: "boolean" },
    /** macOS: the six-digit PIN asked for after the erase. */
    pin: { type: "string", max: 6, pattern: /^[0-9]{6}$/ },
  },
  delete_work_data: {},
  reset_password: { newPassword: { type: "string", max: 128 } },
  /** Apple devices answer one query a command; the agent reports everything whatever the scope. */
  request_inventory: {
    scope: {
      type: "string",
      max: 20,
      pattern: /^(device|security|apps|managed_apps|profiles|certificates)$/,
    },
  },
  install_app: {
    packageName: { type: "string", max: 255, required: true, pattern: /^[A-Za-z][\w]*(\.[A-Za-z][\w]*)+$/ },
    downloadUrl: { type: "string", max: 2048, pattern: /^https:\/\// },
  },
  uninstall_app: {
    packageName: { type: "string", max: 255, required: true, pattern: /^[A-Za-z][\w]*(\.[A-Za-z][\w]*)+$/ },
  },
  shutdown: {},
  install_profile: { profileId: { type: "string", max: 64, required: true, pattern: /^[\w-]+$/ } },
  remove_profile: { identifier: { type: "string", max: 255, required: true } },
  set_device_name: { name: { type: "string", max: 255, required: true, pattern: /\S/ } },
  device_configured: {},
  renew_identity: {},
};

/** Checks a command's payload against its type; throws with every problem found. */
export function checkCommandPayload(
  type: CommandType,
  payload: Record<string, unknown>,
): Record<string, unknown> {
  const rules = PAYLOADS[type];
  const problems: FieldProblem[] = [];
  for (const key of Object.keys(payload)) {
    if (!Object.hasOwn(rules, key))
      problems.push({ field: `payload.${key}`, message: `is not something a ${type} command takes` });
  }
  for (const [key, rule] of Object.entries(rules)) {
    const value = payload[key];
    if (value === undefined) {
      if (rule.type === "string" && rule.required)
        problems.push({ field: `payload.${key}`, message: "is required" });
      continue;
    }
    if (rule.type === "boolean" && typeof value !== "boolean")
      problems.push({ field: `payload.${key}`, message: "must be true or false" });
    if (rule.type === "string") {
      if (typeof value !== "string") problems.push({ field: `payload.${key}`, message: "must be text" });
      else if (value.length > rule.max)
        problems.push({ field: `payload.${key}`, message: `must be at most ${rule.max} characters` });
      else if (rule.pattern && !rule.pattern.test(value))
        problems.push({ field: `payload.${key}`, message: "is not in the expected form" });
    }
  }
  if (problems.length > 0) {
    throw invalid("invalid_command", problems.map((p) => `${p.field} ${p.message}`).join("; "), problems);
  }
  return payload;
}
