import { createHash } from "node:crypto";
import { decodePlistDict } from "../plist/decode.js";

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
  const decoded = decodePlistDict(bytes);
  if (!decoded.ok)
    throw new ProfileRejected(
      "invalid_profile",
      `This is not a readable .mobileconfig: ${decoded.error.message}`,
    );
  const profile = decoded.value as Record<string, unknown>;
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
