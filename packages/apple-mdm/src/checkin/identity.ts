import { AppleMdmError } from "../errors.js";
import { optionalString } from "../plist/fields.js";
import type { PlistDict } from "../plist/value.js";

/**
 * Who sent a message. A device channel names the device by UDID, or by EnrollmentID on a User
 * Enrollment (which hides the UDID); a user channel adds the user.
 */
export interface EnrollmentIdentity {
  udid?: string;
  enrollmentId?: string;
  /** UserID, or EnrollmentUserID on a User Enrollment. Absent on the device channel. */
  userId?: string;
  /** Present on user channels; on Shared iPad it is what tells users apart (see enrollmentKey). */
  userShortName?: string;
}

// Shared iPad sends this placeholder UserID for every user, so the short name must identify them.
const SHARED_IPAD_USER_ID = "FFFFFFFF-FFFF-FFFF-FFFF-FFFFFFFFFFFF";

export function readIdentity(dict: PlistDict): EnrollmentIdentity {
  const identity: EnrollmentIdentity = {};
  const udid = optionalString(dict, "UDID");
  const enrollmentId = optionalString(dict, "EnrollmentID");
  const userId = optionalString(dict, "UserID") ?? optionalString(dict, "EnrollmentUserID");
  const userShortName = optionalString(dict, "UserShortName");
  if (udid) identity.udid = udid;
  if (enrollmentId) identity.enrollmentId = enrollmentId;
  if (userId) identity.userId = userId;
  if (userShortName) identity.userShortName = userShortName;
  if (!identity.udid && !identity.enrollmentId)
    throw new AppleMdmError(
      "missing_field",
      "The message has no UDID (nor an EnrollmentID), so it cannot be tied to a device.",
      "UDID",
    );
  return identity;
}

/**
 * The stable key of the channel a message came on: the device's UDID or EnrollmentID, and for a
 * user channel `device:user`.
 */
export function enrollmentKey(message: { enrollment: EnrollmentIdentity }): string {
  const { udid, enrollmentId, userId, userShortName } = message.enrollment;
  const device = udid ?? enrollmentId ?? "";
  if (!userId) return device;
  const user = userId.toUpperCase() === SHARED_IPAD_USER_ID && userShortName ? userShortName : userId;
  return `${device}:${user}`;
}
