import type { PlistDict } from "../plist/value.js";
import type { EnrollmentIdentity } from "./identity.js";

/** The check-in MessageTypes this server understands. */
export const CHECKIN_MESSAGE_TYPES = [
  "Authenticate",
  "TokenUpdate",
  "CheckOut",
  "UserAuthenticate",
  "SetBootstrapToken",
  "GetBootstrapToken",
  "DeclarativeManagement",
  "GetToken",
] as const;
export type CheckinMessageType = (typeof CHECKIN_MESSAGE_TYPES)[number];

interface CheckinBase {
  enrollment: EnrollmentIdentity;
  /** The whole decoded message, for audit trails and webhooks. */
  raw: PlistDict;
}

export interface AuthenticateMessage extends CheckinBase {
  messageType: "Authenticate";
  topic: string;
  udid?: string;
  serialNumber?: string;
  model?: string;
  modelName?: string;
  productName?: string;
  osVersion?: string;
  buildVersion?: string;
  deviceName?: string;
  imei?: string;
  meid?: string;
  challenge?: Buffer;
}

export interface TokenUpdateMessage extends CheckinBase {
  messageType: "TokenUpdate";
  topic: string;
  /** The APNs device token; the push endpoint wants it as hex. */
  token: Buffer;
  pushMagic: string;
  /** Lets ClearPasscode remove the passcode later; keep it secret. */
  unlockToken?: Buffer;
  awaitingConfiguration?: boolean;
  userId?: string;
  userShortName?: string;
  userLongName?: string;
}

export interface CheckOutMessage extends CheckinBase {
  messageType: "CheckOut";
  topic?: string;
}

export interface UserAuthenticateMessage extends CheckinBase {
  messageType: "UserAuthenticate";
  userId: string;
  userShortName?: string;
  userLongName?: string;
  /** Absent on the first round, when the device asks for a challenge. */
  digestResponse?: string;
}

export interface SetBootstrapTokenMessage extends CheckinBase {
  messageType: "SetBootstrapToken";
  /** Absent when the Mac clears its token. */
  bootstrapToken?: Buffer;
  awaitingConfiguration?: boolean;
}

export interface GetBootstrapTokenMessage extends CheckinBase {
  messageType: "GetBootstrapToken";
  awaitingConfiguration?: boolean;
}

export interface DeclarativeManagementMessage extends CheckinBase {
  messageType: "DeclarativeManagement";
  /** tokens, declaration-items, declaration/…, or status. */
  endpoint: string;
  data?: Buffer;
}

export interface GetTokenMessage extends CheckinBase {
  messageType: "GetToken";
  tokenServiceType: string;
  tokenParameters?: PlistDict;
}

export type CheckinMessage =
  | AuthenticateMessage
  | TokenUpdateMessage
  | CheckOutMessage
  | UserAuthenticateMessage
  | SetBootstrapTokenMessage
  | GetBootstrapTokenMessage
  | DeclarativeManagementMessage
  | GetTokenMessage;
