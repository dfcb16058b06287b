import { describe, expect, it } from "vitest";
import { COMMAND_LABELS, commandChoicesFor } from "./command-types";

const labels = (platform: Parameters<typeof commandChoicesFor>[0]) =>
  commandChoicesFor(platform).map((c) => c.label);

describe("the commands offered for a platform", () => {
  it("offers an Android device no Apple-only command, and its work data can be deleted", () => {
    expect(labels("android")).toEqual(["Lock", "Refresh inventory", "Restart", "Delete work data", "Wipe"]);
  });

  it("offers Apple devices shut down, profiles, renaming and scoped refreshes, but not deleting work data", () => {
    for (const platform of ["ios", "macos"] as const) {
      expect(labels(platform)).toEqual([
        "Lock",
        "Refresh inventory",
        "Refresh security info",
        "Refresh app list",
        "Install profile",
        "Remove profile",
        "Rename device",
        "Restart",
        "Shut down",
        "Wipe",
      ]);
    }
  });

  it("names a command in the history by its type, not by a scoped refresh", () => {
    expect(COMMAND_LABELS.request_inventory).toBe("Refresh inventory");
    expect(COMMAND_LABELS.shutdown).toBe("Shut down");
  });
});
