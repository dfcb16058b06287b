import type { PlistDict, PlistValue } from "@meridian/apple-mdm";
import type { AppleDeviceState } from "./device-state.js";

/**
 * DeviceInformation's QueryResponses: only what was asked, with Apple's key names and types (capacities
 * in GB as reals, BatteryLevel 0..1, -1 on a Mac with no battery), as in recorded answers.
 */
export function deviceInformation(state: AppleDeviceState, queries: string[]): PlistDict {
  const h = state.hardware;
  const known: Record<string, PlistValue | undefined> = {
    UDID: h.udid,
    DeviceName: h.deviceName,
    HostName: h.platform === "macos" ? `${h.deviceName.replace(/\s+/g, "-")}.local` : undefined,
    LocalHostName: h.platform === "macos" ? h.deviceName.replace(/\s+/g, "-") : undefined,
    Model: h.model,
    ModelName: h.modelName,
    ProductName: h.productName,
    SerialNumber: h.serialNumber,
    OSVersion: h.osVersion,
    BuildVersion: h.buildVersion,
    DeviceCapacity: h.capacityGb,
    AvailableDeviceCapacity: h.availableGb,
    BatteryLevel: h.batteryLevel,
    IMEI: h.imei,
    WiFiMAC: h.wifiMac,
    BluetoothMAC: h.bluetoothMac,
    IsSupervised: false,
    IsActivationLockEnabled: false,
    IsDeviceLocatorServiceEnabled: true,
  };
  const answers: PlistDict = {};
  for (const query of queries) {
    const value = known[query];
    if (value !== undefined) answers[query] = value;
  }
  return { QueryResponses: answers };
}

/** A Mac speaks of FileVault and SIP; an iPhone of data protection and its passcode. */
export function securityInfo(state: AppleDeviceState): PlistDict {
  if (state.hardware.platform === "macos")
    return {
      SecurityInfo: {
        FDE_Enabled: true,
        FDE_HasPersonalRecoveryKey: true,
        SystemIntegrityProtectionEnabled: true,
        FirewallSettings: { FirewallEnabled: true, BlockAllIncoming: false, StealthMode: false },
        SecureBoot: { SecureBootLevel: "full", ExternalBootLevel: "disallowed" },
        AuthenticatedRootVolumeEnabled: true,
      },
    };
  return {
    SecurityInfo: {
      HardwareEncryptionCaps: 3,
      PasscodePresent: state.passcodePresent,
      PasscodeCompliant: true,
      PasscodeCompliantWithProfiles: true,
      PasscodeLockGracePeriodEnforced: 0,
    },
  };
}

export function installedApplicationList(state: AppleDeviceState, identifiers?: string[]): PlistDict {
  const wanted = identifiers?.length ? new Set(identifiers) : undefined;
  return {
    InstalledApplicationList: [...state.apps.values()]
      .filter((app) => !wanted || wanted.has(app.identifier))
      .map((app) => ({
        Identifier: app.identifier,
        Name: app.name,
        ShortVersion: app.version,
        Version: app.version,
        BundleSize: 50_000_000,
        AppStoreVendable: !app.identifier.startsWith("com.apple."),
        IsValidated: true,
      })),
  };
}

export function managedApplicationList(state: AppleDeviceState): PlistDict {
  const list: PlistDict = {};
  for (const app of state.apps.values())
    if (app.managed)
      list[app.identifier] = { Status: "Managed", ManagementFlags: 1, HasConfiguration: false };
  return { ManagedApplicationList: list };
}

export function profileList(state: AppleDeviceState): PlistDict {
  return {
    ProfileList: [...state.profiles.values()].map((profile) => ({
      PayloadIdentifier: profile.identifier,
      PayloadUUID: profile.uuid,
      PayloadDisplayName: profile.displayName,
      PayloadVersion: 1,
      IsManaged: profile.managed,
      IsEncrypted: false,
      PayloadRemovalDisallowed: false,
      PayloadContent: profile.payloadTypes.map((type) => ({ PayloadType: type })),
    })),
  };
}

export function certificateList(state: AppleDeviceState): PlistDict {
  const { ca, identity, caName, identityName } = state.certificates;
  return {
    CertificateList: [
      { CommonName: caName, Data: ca, IsIdentity: false },
      { CommonName: identityName, Data: identity, IsIdentity: true },
    ],
  };
}
