import type { Page, PageRequest } from "../shared/paging.js";

export const PLATFORMS = ["ios", "macos", "android", "windows"] as const;
export type Platform = (typeof PLATFORMS)[number];

export const OWNERSHIPS = ["corporate", "personal", "unknown"] as const;
export type Ownership = (typeof OWNERSHIPS)[number];

/**
 * enrolling: activation started, not finished. active: managed and reporting. inactive: no contact for
 * longer than the inactivity window. lost: lost mode. wiped / retired: no longer managed.
 */
export const DEVICE_STATES = ["enrolling", "active", "inactive", "lost", "wiped", "retired"] as const;
export type DeviceState = (typeof DEVICE_STATES)[number];

export interface Device {
  id: string;
  tenantId: string;
  name: string;
  platform: Platform;
  ownership: Ownership;
  model: string | null;
  manufacturer: string | null;
  osVersion: string | null;
  serialNumber: string | null;
  imei: string | null;
  state: DeviceState;
  ownerUserId: string | null;
  enrolledAt: number | null;
  lastSeenAt: number | null;
  createdAt: number;
  updatedAt: number;
}

export interface DeviceRecord extends Device {
  searchText: string;
}

export const DEVICE_SORTS = ["name", "lastSeenAt", "enrolledAt"] as const;
export type DeviceSort = (typeof DEVICE_SORTS)[number];

export const COMPLIANCE_FILTERS = ["compliant", "not_compliant", "not_reported"] as const;
export type ComplianceFilter = (typeof COMPLIANCE_FILTERS)[number];

export interface DeviceQuery {
  platform?: Platform | undefined;
  /** "17" matches 17 and 17.x.y; "17.4" matches 17.4 and 17.4.x. */
  osVersion?: string | undefined;
  state?: DeviceState | undefined;
  ownership?: Ownership | undefined;
  ownerUserId?: string | undefined;
  /** Devices whose owner is a member of this group, directly or through the groups nested in it. */
  groupId?: string | undefined;
  /** By the device's last compliance report: compliant, not compliant, or none received yet. */
  compliance?: ComplianceFilter | undefined;
  /** Case-insensitive substring of name, model, serial number or IMEI. */
  text?: string | undefined;
  sort: DeviceSort;
  descending: boolean;
}

/** The filters of a device list, without its order: what bulk actions select devices by. */
export type DeviceFilter = Omit<DeviceQuery, "sort" | "descending">;

export type DevicePatch = Partial<
  Pick<
    Device,
    | "name"
    | "ownership"
    | "model"
    | "manufacturer"
    | "osVersion"
    | "serialNumber"
    | "imei"
    | "state"
    | "ownerUserId"
    | "enrolledAt"
    | "lastSeenAt"
  >
>;

export interface DeviceSummary {
  total: number;
  byPlatform: Record<string, number>;
  byState: Record<string, number>;
  byOsVersion: Array<{ platform: string; osVersion: string | null; count: number }>;
  /** By the last contact: within a day, a week, 30 days, longer ago, or never. */
  byLastContact: { day: number; week: number; month: number; older: number; never: number };
  /** By the device's last compliance report. */
  byCompliance: { compliant: number; notCompliant: number; notReported: number };
  /**
   * Enrolled Apple devices whose identity ends within a week: renewal has not taken (the device was
   * offline, or answered the renewal with an error), and at the end the device stops being managed.
   */
  appleIdentitiesEndingSoon: number;
}

export interface DeviceRepository {
  insert(device: DeviceRecord): Promise<void>;
  insertMany(devices: DeviceRecord[]): Promise<void>;
  get(id: string): Promise<Device | undefined>;
  /** `searchText` must be given whenever a field it covers (name, model, serial, IMEI) changes. */
  update(id: string, patch: DevicePatch & { searchText?: string; updatedAt: number }): Promise<void>;
  delete(id: string): Promise<boolean>;
  list(query: DeviceQuery, page: PageRequest): Promise<Page<Device>>;
  /** Devices that count against a user's device limit (not wiped or retired). */
  countManagedForUser(userId: string): Promise<number>;
  /** Devices under management (not wiped or retired), which is what a licence counts. */
  countManaged(): Promise<number>;
  /** Ids of the managed (not wiped or retired) devices matching the filter, at most `limit`. */
  idsMatching(filter: DeviceFilter, limit: number): Promise<string[]>;
  /** Which of these ids name managed devices of the tenant (on these platforms, when given). */
  managedIds(ids: string[], platforms?: readonly Platform[]): Promise<string[]>;
  countForUser(userId: string): Promise<number>;
  /** Counts for the dashboard; `now` places the last-contact buckets. */
  summary(now: number): Promise<Omit<DeviceSummary, "appleIdentitiesEndingSoon">>;
}

/** A device's identity certificate, as the tenant CA issued it. */
export interface DeviceCertificate {
  serialNumber: string;
  deviceId: string;
  issuedAt: number;
  notAfter: number;
  revokedAt: number | null;
}

export interface DeviceCertificateRepository {
  insert(certificate: DeviceCertificate): Promise<void>;
  get(serialNumber: string): Promise<DeviceCertificate | undefined>;
  /** Revokes every certificate of the device that is not revoked yet; returns how many. */
  revokeForDevice(deviceId: string, at: number): Promise<number>;
  /**
   * Revokes every unrevoked certificate of the device but its newest (latest issued), in one
   * statement: a renewed identity replaces the old one. Returns how many were revoked.
   */
  revokeAllButNewest(deviceId: string, at: number): Promise<number>;
  /** When the device's newest unrevoked certificate ends, or null when it has none. */
  identityExpiry(deviceId: string): Promise<number | null>;
}
