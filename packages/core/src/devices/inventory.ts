/** What a device last reported about itself, as the device protocols translate it into the common model. */
export interface InstalledApp {
  packageName: string;
  name: string | null;
  version: string | null;
  /** store, managed, sideloaded or system. */
  installSource: string | null;
  managed: boolean;
}

export interface DeviceInventory {
  collectedAt: number;
  receivedAt: number;
  hardware: {
    manufacturer: string | null;
    model: string | null;
    serialNumber: string | null;
    imei: string | null;
    wifiMac: string | null;
    totalStorageBytes: number | null;
    freeStorageBytes: number | null;
    batteryLevel: number | null;
  };
  os: { version: string; buildId: string | null; securityPatchLevel: string | null };
  security: {
    encrypted: boolean;
    passcodeSet: boolean;
    compromised: boolean;
    developerOptionsEnabled: boolean | null;
    unknownSourcesAllowed: boolean | null;
  };
  apps: InstalledApp[];
}

/** What a device last said about meeting the configuration it applied. */
export interface ComplianceReport {
  reportedAt: number;
  configurationVersion: number;
  compliant: boolean;
  violations: Array<{ policy: string; reason: string }>;
}

export interface InventoryRepository {
  /** Replaces the device's inventory and its list of apps. */
  save(deviceId: string, inventory: DeviceInventory): Promise<void>;
  get(deviceId: string): Promise<DeviceInventory | undefined>;
  saveCompliance(deviceId: string, report: ComplianceReport): Promise<void>;
  getCompliance(deviceId: string): Promise<ComplianceReport | undefined>;
  /** Removes the device's inventory, apps and compliance report. */
  deleteForDevice(deviceId: string): Promise<void>;
}
