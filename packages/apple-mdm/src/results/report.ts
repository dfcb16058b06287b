import { AppleMdmError, attempt, type Result } from "../errors.js";
import { readIdentity, type EnrollmentIdentity } from "../checkin/identity.js";
import { decodePlistDict } from "../plist/decode.js";
import { optionalArray, optionalNumber, optionalString, requiredString } from "../plist/fields.js";
import type { PlistLimits } from "../plist/limits.js";
import { isPlistDict, type PlistDict } from "../plist/value.js";

export const REPORT_STATUSES = ["Idle", "Acknowledged", "Error", "CommandFormatError", "NotNow"] as const;
export type ReportStatus = (typeof REPORT_STATUSES)[number];

export interface ReportError {
  errorCode: number | undefined;
  errorDomain: string | undefined;
  localizedDescription: string | undefined;
  usEnglishDescription: string | undefined;
}

interface ReportBase {
  enrollment: EnrollmentIdentity;
  errorChain: ReportError[];
  /** Every other key the device sent: the command's answer (QueryResponses, InstalledApplicationList, …). */
  fields: PlistDict;
}

/** The device has nothing to report and asks for its next command. */
export interface IdleReport extends ReportBase {
  status: "Idle";
  commandUuid?: string;
}

export interface CommandResultReport extends ReportBase {
  status: Exclude<ReportStatus, "Idle">;
  commandUuid: string;
}

export type CommandReport = IdleReport | CommandResultReport;

// Keys the report itself consumes; whatever else the device sends belongs to the command's answer.
const ENVELOPE_KEYS = new Set([
  "UDID",
  "EnrollmentID",
  "UserID",
  "EnrollmentUserID",
  "Status",
  "CommandUUID",
  "ErrorChain",
]);

/** Decodes what a device sends to the server URL: an Idle poll or its answer to one command. */
export function parseReport(body: Uint8Array, limits?: PlistLimits): Result<CommandReport> {
  const decoded = decodePlistDict(body, limits);
  if (!decoded.ok) return decoded;
  return attempt(() => reportFromDict(decoded.value));
}

export function reportFromDict(dict: PlistDict): CommandReport {
  const enrollment = readIdentity(dict);
  const status = requiredString(dict, "Status");
  if (!(REPORT_STATUSES as readonly string[]).includes(status))
    throw new AppleMdmError(
      "unknown_status",
      `Status "${status}" is not one of ${REPORT_STATUSES.join(", ")}.`,
      "Status",
    );
  const fields: PlistDict = {};
  for (const [key, value] of Object.entries(dict)) if (!ENVELOPE_KEYS.has(key)) fields[key] = value;
  const errorChain = readErrorChain(dict);
  const commandUuid = optionalString(dict, "CommandUUID");
  if (status === "Idle")
    return commandUuid
      ? { status, enrollment, errorChain, fields, commandUuid }
      : { status, enrollment, errorChain, fields };
  return {
    status: status as CommandResultReport["status"],
    enrollment,
    errorChain,
    fields,
    commandUuid: requiredString(dict, "CommandUUID"),
  };
}

function readErrorChain(dict: PlistDict): ReportError[] {
  return (optionalArray(dict, "ErrorChain") ?? []).map((entry, index) => {
    if (!isPlistDict(entry))
      throw new AppleMdmError("invalid_field", `ErrorChain item ${index} must be a <dict>.`, "ErrorChain");
    return {
      errorCode: optionalNumber(entry, "ErrorCode"),
      errorDomain: optionalString(entry, "ErrorDomain"),
      localizedDescription: optionalString(entry, "LocalizedDescription"),
      usEnglishDescription: optionalString(entry, "USEnglishDescription"),
    };
  });
}
