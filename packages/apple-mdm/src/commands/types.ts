import type { PlistDict } from "../plist/value.js";

/** Which Apple platform a command is meant for; some keys exist on only one. */
export type ApplePlatform = "ios" | "macos";

/**
 * Commands the server sends, keyed exactly as Apple names them so encoding is a straight copy and
 * a reader can check them against Apple's schema.
 */
export type AppleCommand =
  | { RequestType: "DeviceInformation"; Queries: string[] }
  | { RequestType: "SecurityInfo" }
  | { RequestType: "InstalledApplicationList"; Identifiers?: string[]; ManagedAppsOnly?: boolean }
  | { RequestType: "ManagedApplicationList"; Identifiers?: string[] }
  | { RequestType: "ProfileList"; ManagedOnly?: boolean }
  | { RequestType: "CertificateList"; ManagedOnly?: boolean }
  /** Payload: the .mobileconfig bytes, signed or not. */
  | { RequestType: "InstallProfile"; Payload: Uint8Array }
  /** Identifier: the profile's PayloadIdentifier. */
  | { RequestType: "RemoveProfile"; Identifier: string }
  /** PIN: the six-digit Find My PIN, macOS only. */
  | { RequestType: "DeviceLock"; Message?: string; PhoneNumber?: string; PIN?: string }
  | {
      RequestType: "EraseDevice";
      PIN?: string;
      PreserveDataPlan?: boolean;
      DisallowProximitySetup?: boolean;
      ObliterationBehavior?: ObliterationBehavior;
    }
  /** UnlockToken: the one the device sent in its TokenUpdate. */
  | { RequestType: "ClearPasscode"; UnlockToken: Uint8Array }
  | { RequestType: "RestartDevice"; NotifyUser?: boolean }
  | { RequestType: "ShutDownDevice" }
  | {
      RequestType: "InstallApplication";
      iTunesStoreID?: number;
      Identifier?: string;
      ManifestURL?: string;
      /** 1: remove the app when the MDM profile goes; 4: keep its data out of backups. */
      ManagementFlags?: number;
    }
  | { RequestType: "RemoveApplication"; Identifier: string }
  /** Settings: dictionaries each naming its `Item` (DeviceName, MDMOptions, …). */
  | { RequestType: "Settings"; Settings: PlistDict[] }
  | { RequestType: "DeviceConfigured" }
  /** Data: optional JSON tokens sent with the sync request. */
  | { RequestType: "DeclarativeManagement"; Data?: Uint8Array };

export type AppleRequestType = AppleCommand["RequestType"];

export const OBLITERATION_BEHAVIORS = [
  "Default",
  "DoNotObliterate",
  "ObliterateWithWarning",
  "Always",
] as const;
export type ObliterationBehavior = (typeof OBLITERATION_BEHAVIORS)[number];
