import { Type } from "typebox";
import { Message, Text, Timestamp } from "./common.js";

export const InstalledApp = Type.Object(
  {
    packageName: Text(255),
    name: Type.Optional(Text(200)),
    version: Type.Optional(Text(100)),
    versionCode: Type.Optional(Type.Integer({ minimum: 0 })),
    /** Who put it there: the store, the MDM, side-loading, or the system image. */
    installSource: Type.Optional(Type.Enum(["store", "managed", "sideloaded", "system"])),
    managed: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);

/**
 * What a device reports about itself. Modelled on Android Enterprise's device and security state
 * so that a real Android agent fills it from the platform's own APIs.
 */
export const InventoryReport = Message(
  {
    collectedAt: Timestamp,
    hardware: Type.Object(
      {
        manufacturer: Type.Optional(Text(100)),
        model: Type.Optional(Text(100)),
        serialNumber: Type.Optional(Text(100)),
        imei: Type.Optional(Text(20)),
        wifiMac: Type.Optional(Text(17)),
        totalStorageBytes: Type.Optional(Type.Integer({ minimum: 0 })),
        freeStorageBytes: Type.Optional(Type.Integer({ minimum: 0 })),
        batteryLevel: Type.Optional(Type.Number({ minimum: 0, maximum: 1 })),
      },
      { additionalProperties: false },
    ),
    os: Type.Object(
      {
        version: Text(40),
        buildId: Type.Optional(Text(100)),
        securityPatchLevel: Type.Optional(Text(10, "YYYY-MM-DD")),
        apiLevel: Type.Optional(Type.Integer({ minimum: 0 })),
      },
      { additionalProperties: false },
    ),
    security: Type.Object(
      {
        encrypted: Type.Boolean(),
        passcodeSet: Type.Boolean(),
        /** Rooted, jailbroken, or failing platform integrity checks. */
        compromised: Type.Boolean(),
        developerOptionsEnabled: Type.Optional(Type.Boolean()),
        unknownSourcesAllowed: Type.Optional(Type.Boolean()),
      },
      { additionalProperties: false },
    ),
    apps: Type.Array(InstalledApp, { maxItems: 5000 }),
  },
  "A device's inventory: hardware, operating system, security state and installed apps.",
);
