import { createHash } from "node:crypto";
import * as plist from "plist";

export interface ProfileSummary {
  identifier: string;
  displayName: string | null;
  description: string | null;
  /** The PayloadType of each payload inside: what the profile configures. */
  payloadTypes: string[];
  sha256: string;
}

export class ProfileRejected extends Error {
  constructor(
    readonly code: "invalid_profile",
    message: string,
  ) {
    super(message);
    this.name = "ProfileRejected";
  }
}

const text = (value: unknown) => (typeof value === "string" && value.trim() ? value.trim() : null);

/**
 * Reads what an administrator needs to see of an uploaded `.mobileconfig`, and refuses anything a
 * device would refuse: not a plist, not a Configuration profile, no identifier.
 */
export function readProfileSummary(bytes: Uint8Array): ProfileSummary {
  let parsed: unknown;
  try {
    parsed = plist.parse(Buffer.from(bytes).toString("utf8"));
  } catch (error) {
    throw new ProfileRejected(
      "invalid_profile",
      `This is not a readable .mobileconfig: ${(error as Error).message}`,
    );
  }
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed))
    throw new ProfileRejected("invalid_profile", "A .mobileconfig holds one dictionary at its top.");
  const profile = parsed as Record<string, unknown>;
  if (profile.PayloadType !== "Configuration")
    throw new ProfileRejected("invalid_profile", "The profile's PayloadType must be Configuration.");
  const identifier = text(profile.PayloadIdentifier);
  if (!identifier) throw new ProfileRejected("invalid_profile", "The profile has no PayloadIdentifier.");
  const content = Array.isArray(profile.PayloadContent) ? profile.PayloadContent : [];
  return {
    identifier,
    displayName: text(profile.PayloadDisplayName),
    description: text(profile.PayloadDescription),
    payloadTypes: content.flatMap((p) => {
      const type = text((p as Record<string, unknown> | null)?.PayloadType);
      return type ? [type] : [];
    }),
    sha256: createHash("sha256").update(bytes).digest("hex"),
  };
}
