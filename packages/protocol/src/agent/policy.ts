import { Type } from "typebox";
import { Message, Text } from "./common.js";

/** The configuration a device applies; Android Enterprise's policy surface in miniature. */
export const DeviceConfiguration = Message(
  {
    version: Type.Integer({ minimum: 0, description: "Changes whenever anything below changes." }),
    checkInIntervalSeconds: Type.Integer({ minimum: 60 }),
    password: Type.Object(
      {
        required: Type.Boolean(),
        quality: Type.Optional(
          Type.Enum(["something", "numeric", "numeric_complex", "alphabetic", "alphanumeric", "complex"]),
        ),
        minLength: Type.Optional(Type.Integer({ minimum: 0, maximum: 64 })),
        maxFailedAttemptsBeforeWipe: Type.Optional(Type.Integer({ minimum: 0, maximum: 100 })),
        expirationDays: Type.Optional(Type.Integer({ minimum: 0 })),
      },
      { additionalProperties: false },
    ),
    apps: Type.Array(
      Type.Object(
        {
          packageName: Text(255),
          installType: Type.Enum(["required", "available", "blocked"]),
          downloadUrl: Type.Optional(Text(2048)),
        },
        { additionalProperties: false },
      ),
    ),
    restrictions: Type.Object(
      {
        cameraDisabled: Type.Boolean(),
        screenCaptureDisabled: Type.Boolean(),
        usbFileTransferDisabled: Type.Boolean(),
        factoryResetDisabled: Type.Boolean(),
        installUnknownSourcesDisabled: Type.Boolean(),
      },
      { additionalProperties: false },
    ),
  },
  "The configuration a device applies: password, app and restriction policies.",
);

export const ComplianceReport = Message(
  {
    configurationVersion: Type.Integer({ minimum: 0 }),
    compliant: Type.Boolean(),
    violations: Type.Array(
      Type.Object({ policy: Text(100), reason: Text(500) }, { additionalProperties: false }),
      { maxItems: 200 },
    ),
  },
  "Whether the device meets the configuration it applied, and where it does not.",
);

export const Hello = Message(
  {
    agentVersion: Text(40),
    protocolVersion: Type.Integer({ minimum: 1 }),
    push: Type.Optional(
      Type.Object(
        {
          service: Type.Union([
            Type.Literal("fcm"),
            Type.Literal("wns"),
            Type.Literal("apns"),
            Type.Literal("relay"),
          ]),
          token: Type.Optional(
            Type.String({
              minLength: 1,
              maxLength: 2048,
              description:
                "The vendor token; none for `relay`, whose channel knows the device by its certificate.",
            }),
          ),
        },
        {
          additionalProperties: false,
          description:
            "How to wake this device: its FCM registration token (Android), WNS channel URI or APNs token, " +
            "or `relay` for the relay's own push channel (push.<relay host>, opened with the device certificate). " +
            "Send it again whenever it changes; a device without one is reached only while it polls.",
        },
      ),
    ),
  },
  "The first request of every session: who is speaking, which protocol, and how to wake it.",
);

export const HelloReply = Message(
  {
    protocolVersion: Type.Integer(),
    deviceId: Type.String(),
    serverTime: Type.Integer(),
    configurationVersion: Type.Integer(),
  },
  "The server's answer to Hello.",
);
