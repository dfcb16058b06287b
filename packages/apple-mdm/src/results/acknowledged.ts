import { AppleMdmError } from "../errors.js";
import { optionalArray, optionalDict } from "../plist/fields.js";
import { isPlistDict, type PlistDict } from "../plist/value.js";
import type { CommandReport } from "./report.js";

/** Only an Acknowledged report carries the command's answer; anything else has nothing to read. */
export function answerOf(report: CommandReport, what: string): PlistDict {
  if (report.status !== "Acknowledged")
    throw new AppleMdmError(
      "invalid_field",
      `The ${what} report has status ${report.status}; only an Acknowledged report carries results.`,
      "Status",
    );
  return report.fields;
}

export function requiredDictIn(fields: PlistDict, key: string): PlistDict {
  const value = optionalDict(fields, key);
  if (!value) throw new AppleMdmError("missing_field", `The report has no ${key}.`, key);
  return value;
}

/** The dictionaries of a list answer, refusing anything else in it. */
export function dictListIn(fields: PlistDict, key: string): PlistDict[] {
  const list = optionalArray(fields, key);
  if (!list) throw new AppleMdmError("missing_field", `The report has no ${key}.`, key);
  return list.map((item, index) => {
    if (!isPlistDict(item))
      throw new AppleMdmError("invalid_field", `${key} item ${index} must be a <dict>.`, key);
    return item;
  });
}
