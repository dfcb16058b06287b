import { AppleMdmError, attempt, type Result } from "../errors.js";
import { decodePlistDict } from "../plist/decode.js";
import { defined } from "../plist/defined.js";
import {
  optionalBoolean,
  optionalData,
  optionalDict,
  optionalString,
  requiredData,
  requiredString,
} from "../plist/fields.js";
import type { PlistLimits } from "../plist/limits.js";
import type { PlistDict } from "../plist/value.js";
import { readIdentity, type EnrollmentIdentity } from "./identity.js";
import { CHECKIN_MESSAGE_TYPES, type CheckinMessage, type CheckinMessageType } from "./types.js";

type Reader = (dict: PlistDict, base: { enrollment: EnrollmentIdentity; raw: PlistDict }) => CheckinMessage;

const READERS: Record<CheckinMessageType, Reader> = {
  Authenticate: (d, base) => ({
    ...base,
    messageType: "Authenticate",
    topic: requiredString(d, "Topic"),
    ...defined({
      udid: base.enrollment.udid,
      serialNumber: optionalString(d, "SerialNumber"),
      model: optionalString(d, "Model"),
      modelName: optionalString(d, "ModelName"),
      productName: optionalString(d, "ProductName"),
      osVersion: optionalString(d, "OSVersion"),
      buildVersion: optionalString(d, "BuildVersion"),
      deviceName: optionalString(d, "DeviceName"),
      imei: optionalString(d, "IMEI"),
      meid: optionalString(d, "MEID"),
      challenge: optionalData(d, "Challenge"),
    }),
  }),
  TokenUpdate: (d, base) => ({
    ...base,
    messageType: "TokenUpdate",
    topic: requiredString(d, "Topic"),
    token: requiredData(d, "Token"),
    pushMagic: requiredString(d, "PushMagic"),
    ...defined({
      unlockToken: optionalData(d, "UnlockToken"),
      awaitingConfiguration: optionalBoolean(d, "AwaitingConfiguration"),
      userId: base.enrollment.userId,
      userShortName: optionalString(d, "UserShortName"),
      userLongName: optionalString(d, "UserLongName"),
    }),
  }),
  CheckOut: (d, base) => ({
    ...base,
    messageType: "CheckOut",
    ...defined({ topic: optionalString(d, "Topic") }),
  }),
  UserAuthenticate: (d, base) => ({
    ...base,
    messageType: "UserAuthenticate",
    userId: requiredString(d, "UserID"),
    ...defined({
      userShortName: optionalString(d, "UserShortName"),
      userLongName: optionalString(d, "UserLongName"),
      digestResponse: optionalString(d, "DigestResponse"),
    }),
  }),
  SetBootstrapToken: (d, base) => ({
    ...base,
    messageType: "SetBootstrapToken",
    ...defined({
      bootstrapToken: optionalData(d, "BootstrapToken"),
      awaitingConfiguration: optionalBoolean(d, "AwaitingConfiguration"),
    }),
  }),
  GetBootstrapToken: (d, base) => ({
    ...base,
    messageType: "GetBootstrapToken",
    ...defined({ awaitingConfiguration: optionalBoolean(d, "AwaitingConfiguration") }),
  }),
  DeclarativeManagement: (d, base) => ({
    ...base,
    messageType: "DeclarativeManagement",
    endpoint: requiredString(d, "Endpoint"),
    ...defined({ data: optionalData(d, "Data") }),
  }),
  GetToken: (d, base) => ({
    ...base,
    messageType: "GetToken",
    tokenServiceType: requiredString(d, "TokenServiceType"),
    ...defined({ tokenParameters: optionalDict(d, "TokenParameters") }),
  }),
};

/** Decodes a check-in body (Content-Type application/x-apple-aspen-mdm-checkin) into a typed message. */
export function parseCheckin(body: Uint8Array, limits?: PlistLimits): Result<CheckinMessage> {
  const decoded = decodePlistDict(body, limits);
  if (!decoded.ok) return decoded;
  return attempt(() => checkinFromDict(decoded.value));
}

export function checkinFromDict(dict: PlistDict): CheckinMessage {
  const messageType = requiredString(dict, "MessageType");
  if (!isKnownType(messageType))
    throw new AppleMdmError(
      "unknown_message_type",
      `MessageType "${messageType}" is not one this server handles (${CHECKIN_MESSAGE_TYPES.join(", ")}).`,
      "MessageType",
    );
  return READERS[messageType](dict, { enrollment: readIdentity(dict), raw: dict });
}

function isKnownType(value: string): value is CheckinMessageType {
  return (CHECKIN_MESSAGE_TYPES as readonly string[]).includes(value);
}
