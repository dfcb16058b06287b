import type { InstalledApp } from "@meridian/core";
import { AppleMdmError, attempt, type Result } from "../errors.js";
import { optionalBoolean, optionalString, requiredString } from "../plist/fields.js";
import { isPlistDict } from "../plist/value.js";
import { answerOf, dictListIn, requiredDictIn } from "./acknowledged.js";
import type { CommandReport } from "./report.js";

/**
 * Reads an Acknowledged InstalledApplicationList report. The list does not say which apps are
 * managed; pass the bundle IDs a ManagedApplicationList reported as managed to mark them.
 */
export function appsFromInstalledApplicationList(
  report: CommandReport,
  managedIds: ReadonlySet<string> = new Set(),
): Result<InstalledApp[]> {
  return attempt(() =>
    dictListIn(answerOf(report, "InstalledApplicationList"), "InstalledApplicationList").map((app) => {
      const packageName = requiredString(app, "Identifier");
      return {
        packageName,
        name: optionalString(app, "Name") ?? null,
        // ShortVersion is the version people see (CFBundleShortVersionString); Version is the build.
        version: optionalString(app, "ShortVersion") ?? optionalString(app, "Version") ?? null,
        installSource: managedIds.has(packageName)
          ? "managed"
          : optionalBoolean(app, "AppStoreVendable")
            ? "store"
            : null,
        managed: managedIds.has(packageName),
      };
    }),
  );
}

/**
 * Reads an Acknowledged ManagedApplicationList report: a dictionary keyed by bundle ID. Only apps
 * in the Managed state count as managed; the rest are on their way in or out.
 */
export function appsFromManagedApplicationList(report: CommandReport): Result<InstalledApp[]> {
  return attempt(() => {
    const list = requiredDictIn(answerOf(report, "ManagedApplicationList"), "ManagedApplicationList");
    return Object.entries(list).map(([packageName, entry]) => {
      if (!isPlistDict(entry))
        throw new AppleMdmError(
          "invalid_field",
          `ManagedApplicationList entry ${packageName} must be a <dict>.`,
          packageName,
        );
      return {
        packageName,
        name: null,
        version: null,
        installSource: "managed",
        managed: optionalString(entry, "Status") === "Managed",
      };
    });
  });
}

/** The bundle IDs a ManagedApplicationList answer reports as managed, for appsFromInstalledApplicationList. */
export function managedBundleIds(apps: InstalledApp[]): Set<string> {
  return new Set(apps.filter((app) => app.managed).map((app) => app.packageName));
}
