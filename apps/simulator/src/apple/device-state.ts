import type { AppleHardware } from "./hardware.js";

export interface InstalledProfileEntry {
  identifier: string;
  uuid: string;
  displayName: string;
  /** Installed by MDM (InstallProfile), not by the user (the enrollment profile). */
  managed: boolean;
  payloadTypes: string[];
}

export interface InstalledAppEntry {
  identifier: string;
  name: string;
  version: string;
  managed: boolean;
}

/** What a simulated device holds, changed by the commands it carries out and read by its answers. */
export class AppleDeviceState {
  readonly profiles = new Map<string, InstalledProfileEntry>();
  readonly apps = new Map<string, InstalledAppEntry>();
  locked = false;
  erased = false;
  passcodePresent = true;
  restarts = 0;
  shutdowns = 0;

  constructor(
    readonly hardware: AppleHardware,
    /** DER of the CA the enrollment profile installed, and of the device's SCEP identity. */
    readonly certificates: { ca: Buffer; identity: Buffer; caName: string; identityName: string },
    readonly unlockToken: Buffer | undefined,
  ) {
    for (const app of hardware.platform === "ios" ? IOS_APPS : MACOS_APPS)
      this.apps.set(app.identifier, { ...app, managed: false });
  }
}

// A few apps every such device has, so the first inventory is not empty.
const IOS_APPS = [
  { identifier: "com.apple.mobilesafari", name: "Safari", version: "18.1" },
  { identifier: "com.apple.mobilemail", name: "Mail", version: "18.1" },
  { identifier: "com.microsoft.Office.Outlook", name: "Microsoft Outlook", version: "4.2447.0" },
  { identifier: "com.tinyspeck.chatlyio", name: "Slack", version: "24.11.10" },
];
const MACOS_APPS = [
  { identifier: "com.apple.Safari", name: "Safari", version: "18.1" },
  { identifier: "com.apple.dt.Xcode", name: "Xcode", version: "16.1" },
  { identifier: "com.google.Chrome", name: "Google Chrome", version: "131.0.6778.86" },
  { identifier: "com.microsoft.teams2", name: "Microsoft Teams", version: "24295.606.3238.6194" },
];
