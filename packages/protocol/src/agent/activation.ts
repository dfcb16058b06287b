import { Type } from "typebox";
import { AgentPlatform, Base64Url, Message, Text } from "./common.js";

/**
 * Activation, in three requests to the server (end to end through the relay, TLS pinned to the CA
 * fingerprint the relay gave). The device and the server prove to each other that both know the
 * activation password with SPAKE2+ (RFC 9383) bound to that fingerprint; the device then sends a
 * certificate request authenticated with the exchange's shared key and gets its identity certificate.
 */

export const ActivationStart = Message(
  {
    address: Text(254, "The user's email address."),
    platform: AgentPlatform,
  },
  "Step 1: which activation, and the parameters to derive the password's keys.",
);

export const ActivationStarted = Message(
  {
    session: Base64Url(64),
    activationId: Type.String(),
    salt: Base64Url(64),
    kdf: Type.Object({
      algorithm: Type.Literal("argon2id"),
      memoryKiB: Type.Integer(),
      passes: Type.Integer(),
      parallelism: Type.Integer(),
    }),
    serverHost: Text(253, "The server's name, the PAKE verifier identity."),
  },
  "The server's answer to step 1.",
);

export const ActivationExchange = Message(
  {
    session: Base64Url(64),
    shareP: Base64Url(200),
  },
  "Step 2: the device's SPAKE2+ share.",
);

export const ActivationExchanged = Message(
  {
    shareV: Base64Url(200),
    confirmV: Base64Url(100),
  },
  "The server's share and its proof that it knows the password's verifier.",
);

export const DeviceDescription = Message(
  {
    name: Type.Optional(Text(200)),
    manufacturer: Type.Optional(Text(100)),
    model: Type.Optional(Text(100)),
    osVersion: Type.Optional(Text(40)),
    serialNumber: Type.Optional(Text(100)),
    imei: Type.Optional(Text(20)),
    ownership: Type.Optional(Type.Enum(["corporate", "personal"])),
  },
  "What the device says about itself when it activates.",
);

export const ActivationFinish = Message(
  {
    session: Base64Url(64),
    confirmP: Base64Url(100),
    /** PEM certificate request for the device's identity key. */
    csr: Text(16_384),
    /** HMAC-SHA256 of the CSR's PEM text under the exchange's shared key. */
    csrMac: Base64Url(100),
    device: DeviceDescription,
  },
  "Step 3: the device's proof, and its certificate request.",
);

export const ActivationFinished = Message(
  {
    deviceId: Type.String(),
    certificate: Text(16_384, "The device's identity certificate, PEM."),
    caCertificate: Text(16_384, "The tenant CA's certificate, PEM."),
    serverHost: Text(253),
  },
  "The server's answer to step 3: the device is activated.",
);

export const ActivationAbort = Message(
  { session: Base64Url(64) },
  "The device found the server's proof wrong (a wrong password, or not the pinned server) and gives up; the try counts.",
);
