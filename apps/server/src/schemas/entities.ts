import { Type } from "typebox";
import {
  COMMAND_STATES,
  COMMAND_TYPES,
  DEVICE_STATES,
  OWNERSHIPS,
  PLATFORMS,
  USER_SOURCES,
} from "@meridian/core";
import { Id, Nullable, Timestamp } from "./common.js";

export const PlatformSchema = Type.Enum([...PLATFORMS]);
export const OwnershipSchema = Type.Enum([...OWNERSHIPS]);
export const DeviceStateSchema = Type.Enum([...DEVICE_STATES]);
export const UserSourceSchema = Type.Enum([...USER_SOURCES]);

export const UserSchema = Type.Object({
  id: Id,
  email: Type.String(),
  displayName: Type.String(),
  givenName: Nullable(Type.String()),
  familyName: Nullable(Type.String()),
  source: UserSourceSchema,
  externalId: Nullable(Type.String()),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});

export const GroupSchema = Type.Object({
  id: Id,
  name: Type.String(),
  description: Type.String(),
  source: UserSourceSchema,
  externalId: Nullable(Type.String()),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});

export const ProfileSchema = Type.Object({
  id: Id,
  name: Type.String(),
  identifier: Type.String({ description: "The profile's PayloadIdentifier; remove_profile names it." }),
  description: Nullable(Type.String()),
  sha256: Type.String({ description: "SHA-256 of the stored file, hex." }),
  sizeBytes: Type.Integer(),
  createdBy: Type.String(),
  createdAt: Timestamp,
});

export const GroupMemberSchema = Type.Object({
  type: Type.Union([Type.Literal("user"), Type.Literal("group")]),
  id: Id,
  label: Type.String(),
  addedAt: Timestamp,
});

export const DeviceSchema = Type.Object({
  id: Id,
  name: Type.String(),
  platform: PlatformSchema,
  ownership: OwnershipSchema,
  model: Nullable(Type.String()),
  manufacturer: Nullable(Type.String()),
  osVersion: Nullable(Type.String()),
  serialNumber: Nullable(Type.String()),
  imei: Nullable(Type.String()),
  state: DeviceStateSchema,
  ownerUserId: Nullable(Id),
  enrolledAt: Nullable(Timestamp),
  lastSeenAt: Nullable(Timestamp),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});

export const DeviceDetailSchema = Type.Object({
  ...DeviceSchema.properties,
  identityExpiresAt: Nullable(
    Type.Integer({
      description:
        "Unix time in milliseconds when the device's newest identity certificate ends (null without one); Apple identities are renewed before then.",
    }),
  ),
});

export const ActivationSchema = Type.Object({
  id: Id,
  userId: Id,
  status: Type.Enum(["active", "expired", "used", "locked", "revoked"]),
  expiresAt: Timestamp,
  maxUses: Nullable(Type.Integer()),
  useCount: Type.Integer(),
  failedAttempts: Type.Integer(),
  deviceLimit: Type.Integer(),
  platforms: Type.Array(PlatformSchema),
  createdBy: Type.String(),
  createdAt: Timestamp,
});

export const AdministratorSchema = Type.Object({
  id: Id,
  email: Type.String(),
  displayName: Type.String(),
  roleId: Type.String(),
  disabled: Type.Boolean(),
  lastLoginAt: Nullable(Timestamp),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});

export const RoleSchema = Type.Object({
  id: Type.String(),
  name: Type.String(),
  description: Type.String(),
  builtIn: Type.Boolean(),
  permissions: Type.Array(Type.String()),
});

export const AuditEventSchema = Type.Object({
  id: Id,
  at: Timestamp,
  actorType: Type.String(),
  actorId: Type.String(),
  actorLabel: Type.String(),
  action: Type.String(),
  targetType: Nullable(Type.String()),
  targetId: Nullable(Type.String()),
  targetLabel: Nullable(Type.String()),
  ip: Nullable(Type.String()),
  details: Nullable(Type.Record(Type.String(), Type.Unknown())),
});

export const ApiTokenSchema = Type.Object({
  id: Id,
  adminId: Id,
  name: Type.String(),
  prefix: Type.String(),
  createdAt: Timestamp,
  expiresAt: Nullable(Timestamp),
  lastUsedAt: Nullable(Timestamp),
  revokedAt: Nullable(Timestamp),
});

export const TenantSchema = Type.Object({
  id: Id,
  slug: Type.String(),
  name: Type.String(),
  operator: Type.Boolean(),
  createdAt: Timestamp,
});

export const CommandTypeSchema = Type.Enum([...COMMAND_TYPES]);
export const CommandStateSchema = Type.Enum([...COMMAND_STATES]);

export const CommandBatchProgressSchema = Type.Object({
  batchId: Type.String(),
  total: Type.Integer({ description: "Commands the send queued." }),
  states: Type.Object(
    Object.fromEntries(COMMAND_STATES.map((state) => [state, Type.Optional(Type.Integer())])),
    { description: "How many are in each state; states with none are left out." },
  ),
});

export const CommandSchema = Type.Object({
  id: Id,
  deviceId: Id,
  type: CommandTypeSchema,
  payload: Type.Record(Type.String(), Type.Unknown()),
  state: CommandStateSchema,
  priority: Type.Integer({
    description: "Higher runs first: lock, wipe and delete_work_data jump the queue.",
  }),
  batchId: Nullable(Id),
  createdBy: Type.String(),
  createdAt: Timestamp,
  expiresAt: Timestamp,
  deliveredAt: Nullable(Timestamp),
  retryAt: Nullable(Timestamp),
  completedAt: Nullable(Timestamp),
  attempts: Type.Integer({ description: "How many times the device was handed the command." }),
  result: Nullable(Type.Record(Type.String(), Type.Unknown())),
  error: Nullable(Type.Object({ code: Type.String(), message: Type.String() })),
});

export const InventorySchema = Type.Object({
  collectedAt: Timestamp,
  receivedAt: Timestamp,
  hardware: Type.Object({
    manufacturer: Nullable(Type.String()),
    model: Nullable(Type.String()),
    serialNumber: Nullable(Type.String()),
    imei: Nullable(Type.String()),
    wifiMac: Nullable(Type.String()),
    totalStorageBytes: Nullable(Type.Number()),
    freeStorageBytes: Nullable(Type.Number()),
    batteryLevel: Nullable(Type.Number()),
  }),
  os: Type.Object({
    version: Type.String(),
    buildId: Nullable(Type.String()),
    securityPatchLevel: Nullable(Type.String()),
  }),
  security: Type.Object({
    encrypted: Type.Boolean(),
    passcodeSet: Type.Boolean(),
    compromised: Type.Boolean(),
    developerOptionsEnabled: Nullable(Type.Boolean()),
    unknownSourcesAllowed: Nullable(Type.Boolean()),
  }),
  apps: Type.Array(
    Type.Object({
      packageName: Type.String(),
      name: Nullable(Type.String()),
      version: Nullable(Type.String()),
      installSource: Nullable(Type.String()),
      managed: Type.Boolean(),
    }),
  ),
});

export const ComplianceSchema = Type.Object({
  reportedAt: Timestamp,
  configurationVersion: Type.Integer({ description: "The policy configuration the device evaluated." }),
  compliant: Type.Boolean(),
  violations: Type.Array(Type.Object({ policy: Type.String(), reason: Type.String() })),
});
