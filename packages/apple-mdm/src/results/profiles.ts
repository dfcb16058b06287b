import { attempt, type Result } from "../errors.js";
import { optionalBoolean, optionalString, requiredString } from "../plist/fields.js";
import { answerOf, dictListIn } from "./acknowledged.js";
import type { CommandReport } from "./report.js";

export interface InstalledProfile {
  identifier: string;
  displayName: string | null;
  uuid: string | null;
  /** Installed by MDM, as opposed to by the user. */
  managed: boolean;
}

/** Reads an Acknowledged ProfileList report. */
export function profilesFromProfileList(report: CommandReport): Result<InstalledProfile[]> {
  return attempt(() =>
    dictListIn(answerOf(report, "ProfileList"), "ProfileList").map((profile) => ({
      identifier: requiredString(profile, "PayloadIdentifier"),
      displayName: optionalString(profile, "PayloadDisplayName") ?? null,
      uuid: optionalString(profile, "PayloadUUID") ?? null,
      managed: optionalBoolean(profile, "IsManaged") ?? false,
    })),
  );
}
