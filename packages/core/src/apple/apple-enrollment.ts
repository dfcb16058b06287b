import type { Device } from "../devices/device.js";

/**
 * An Apple device's MDM enrollment: what Apple's check-in protocol tells the server about it. It is
 * created when a user downloads an enrollment profile (the device row is then "enrolling"), bound to
 * the device's UDID at Authenticate, and usable only after TokenUpdate, when the server can wake it.
 */
export interface AppleEnrollment {
  deviceId: string;
  /** The device's UDID (or, for a user enrollment, its EnrollmentID); known from Authenticate on. */
  udid: string | null;
  /** The APNs topic the device listens on: the MDM push certificate's UID. It never changes. */
  topic: string | null;
  /** Set by TokenUpdate, cleared by Authenticate and CheckOut: commands go only to enabled enrollments. */
  enabled: boolean;
  /** A device in Setup Assistant waits for DeviceConfigured before it finishes. */
  awaitingConfiguration: boolean;
  /** Sealed with the secret box; ClearPasscode needs it. */
  unlockToken: string | null;
  /** Sealed with the secret box; handed back on GetBootstrapToken. */
  bootstrapToken: string | null;
  tokenUpdates: number;
  createdAt: number;
  authenticatedAt: number | null;
  enabledAt: number | null;
  checkedOutAt: number | null;
}

export interface AppleEnrollmentChallenge {
  deviceId: string;
  /** SHA-256 of the one-time SCEP challenge; the challenge itself is only in the profile. */
  challengeHash: string;
  expiresAt: number;
}

export type AppleEnrollmentPatch = Partial<
  Pick<
    AppleEnrollment,
    | "udid"
    | "topic"
    | "enabled"
    | "awaitingConfiguration"
    | "unlockToken"
    | "bootstrapToken"
    | "authenticatedAt"
    | "enabledAt"
    | "checkedOutAt"
  >
> & { countTokenUpdate?: boolean };

export interface AppleEnrollmentRepository {
  insert(enrollment: AppleEnrollment, challenge: AppleEnrollmentChallenge): Promise<void>;
  get(deviceId: string): Promise<AppleEnrollment | undefined>;
  getByUdid(udid: string): Promise<AppleEnrollment | undefined>;
  update(deviceId: string, patch: AppleEnrollmentPatch): Promise<void>;
  /**
   * Takes the challenge in one conditional statement, so it works once however many requests race:
   * the device it was made for, or undefined when it is unknown, used or expired.
   */
  consumeChallenge(challengeHash: string, now: number): Promise<string | undefined>;
  /** The device a usable challenge was made for, without taking it. */
  findChallenge(challengeHash: string, now: number): Promise<string | undefined>;
  /**
   * Gives an existing enrollment a new one-time challenge (a renewal profile's), replacing any
   * earlier one; false when the device has no enrollment.
   */
  setChallenge(challenge: AppleEnrollmentChallenge): Promise<boolean>;
  /**
   * Enabled enrollments of managed devices whose latest-ending unrevoked identity certificate ends
   * before `expiringBefore` and that have no renew_identity command open (pending, delivered or
   * not now): the renewal sweep's work, found in one set-based query, at most `limit` of them.
   */
  dueForRenewal(expiringBefore: number, limit: number): Promise<string[]>;
  /**
   * How many enabled enrollments of managed devices have a current identity (their latest-ending
   * unrevoked certificate) ending before `at`, renewal sent or not.
   */
  countIdentitiesEndingBefore(at: number): Promise<number>;
  delete(deviceId: string): Promise<void>;
  /**
   * Everything a check-in needs to know about the identity that signed it, in one query: the
   * certificate's revocation, its device, and the device's enrollment.
   */
  byCertificate(
    serialNumber: string,
  ): Promise<
    { revokedAt: number | null; device: Device; enrollment: AppleEnrollment | undefined } | undefined
  >;
}
