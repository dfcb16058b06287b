import { describe, expect, it } from "vitest";
import { parseCheckin } from "../checkin/parse.js";
import type { AuthenticateMessage } from "../checkin/types.js";
import { encodePlist } from "../plist/encode.js";
import type { PlistDict } from "../plist/value.js";
import { vectorBytes, vectorTable } from "../testing/vectors.js";
import {
  appsFromInstalledApplicationList,
  appsFromManagedApplicationList,
  managedBundleIds,
} from "./apps.js";
import { certificatesFromCertificateList } from "./certificates.js";
import { inventoryFromAuthenticate, inventoryFromDeviceInformation } from "./device-information.js";
import { inventoryFromReports } from "./inventory.js";
import { profilesFromProfileList } from "./profiles.js";
import { parseReport, type CommandReport } from "./report.js";
import { securityFromSecurityInfo } from "./security-info.js";

function report(fields: PlistDict, status = "Acknowledged"): CommandReport {
  const result = parseReport(encodePlist({ UDID: "D1", CommandUUID: "c1", Status: status, ...fields }));
  if (!result.ok) throw result.error;
  return result.value;
}

function value<T>(result: { ok: true; value: T } | { ok: false; error: Error }): T {
  if (!result.ok) throw result.error;
  return result.value;
}

describe("inventory from DeviceInformation", () => {
  const expected = Object.fromEntries(vectorTable("nanomdm/DeviceInformation.1.txt"));

  it("reads the nanomdm DeviceInformation answer, which is from the device Authenticate.2 describes", () => {
    const vector = value(parseReport(vectorBytes("nanomdm/DeviceInformation.1.plist")));
    expect(value(inventoryFromDeviceInformation(vector))).toEqual({ hardware: { manufacturer: "Apple" } });
    const authenticate = value(
      parseCheckin(vectorBytes("nanomdm/Authenticate.2.plist")),
    ) as AuthenticateMessage;
    expect(authenticate.udid).toBe(vector.enrollment.udid);
    const patch = inventoryFromAuthenticate(authenticate);
    expect(patch.os).toEqual({ version: expected.OSVersion, buildId: expected.BuildVersion });
    expect(patch.hardware.model).toBe(expected.ProductName);
    expect(patch.hardware.serialNumber).toBe("C02MT66KFLHH");
  });

  it("fills hardware and OS from a full answer carrying the expected values", () => {
    const answer = report({
      RequestType: "DeviceInformation",
      QueryResponses: {
        OSVersion: expected.OSVersion!,
        BuildVersion: expected.BuildVersion!,
        ProductName: expected.ProductName!,
        ModelName: "iMac",
        SerialNumber: "C02MT66KFLHH",
        DeviceCapacity: 59.5,
        AvailableDeviceCapacity: 12.25,
        BatteryLevel: 0.8,
        WiFiMAC: "a4:83:e7:00:00:01",
        IMEI: "35 000000 000000 0",
      },
    });
    expect(value(inventoryFromDeviceInformation(answer))).toEqual({
      hardware: {
        manufacturer: "Apple",
        model: expected.ProductName,
        serialNumber: "C02MT66KFLHH",
        imei: "35 000000 000000 0",
        wifiMac: "a4:83:e7:00:00:01",
        totalStorageBytes: Math.round(59.5 * 2 ** 30),
        freeStorageBytes: Math.round(12.25 * 2 ** 30),
        batteryLevel: 0.8,
      },
      os: { version: expected.OSVersion, buildId: expected.BuildVersion },
    });
  });

  it("leaves out a battery level the device could not read", () => {
    const answer = report({ QueryResponses: { BatteryLevel: -1 } });
    expect(value(inventoryFromDeviceInformation(answer)).hardware).not.toHaveProperty("batteryLevel");
  });

  it("refuses a report that is not Acknowledged, or has no QueryResponses", () => {
    const error = inventoryFromDeviceInformation(report({}, "Error"));
    expect(error.ok || error.error.field).toBe("Status");
    const missing = inventoryFromDeviceInformation(report({}));
    expect(missing.ok || [missing.error.code, missing.error.field]).toEqual([
      "missing_field",
      "QueryResponses",
    ]);
  });
});

describe("security from SecurityInfo", () => {
  it("needs both full encryption caps and a passcode for iOS data protection", () => {
    const on = report({ SecurityInfo: { HardwareEncryptionCaps: 3, PasscodePresent: true } });
    expect(value(securityFromSecurityInfo(on))).toEqual({ encrypted: true, passcodeSet: true });
    const noPasscode = report({ SecurityInfo: { HardwareEncryptionCaps: 3, PasscodePresent: false } });
    expect(value(securityFromSecurityInfo(noPasscode))).toEqual({ encrypted: false, passcodeSet: false });
    const blockOnly = report({ SecurityInfo: { HardwareEncryptionCaps: 1, PasscodePresent: true } });
    expect(value(securityFromSecurityInfo(blockOnly)).encrypted).toBe(false);
  });

  it("reads FileVault on a Mac", () => {
    const mac = report({ SecurityInfo: { FDE_Enabled: true, SystemIntegrityProtectionEnabled: true } });
    expect(value(securityFromSecurityInfo(mac))).toEqual({ encrypted: true });
  });

  it("joins DeviceInformation and SecurityInfo into one patch", () => {
    const joined = inventoryFromReports(
      report({ QueryResponses: { OSVersion: "17.1" } }),
      report({ SecurityInfo: { FDE_Enabled: false } }),
    );
    expect(value(joined)).toEqual({
      hardware: { manufacturer: "Apple" },
      os: { version: "17.1" },
      security: { encrypted: false },
    });
  });
});

describe("apps, profiles and certificates", () => {
  it("reads installed apps, marking those the managed list reports as managed", () => {
    const managed = value(
      appsFromManagedApplicationList(
        report({
          ManagedApplicationList: {
            "com.example.work": { Status: "Managed", ManagementFlags: 1 },
            "com.example.pending": { Status: "Installing" },
          },
        }),
      ),
    );
    expect(managed).toEqual([
      { packageName: "com.example.work", name: null, version: null, installSource: "managed", managed: true },
      {
        packageName: "com.example.pending",
        name: null,
        version: null,
        installSource: "managed",
        managed: false,
      },
    ]);
    const installed = value(
      appsFromInstalledApplicationList(
        report({
          InstalledApplicationList: [
            { Identifier: "com.example.work", Name: "Work", ShortVersion: "2.1", Version: "210" },
            { Identifier: "com.example.game", Name: "Game", Version: "5", AppStoreVendable: true },
            { Identifier: "com.example.tool" },
          ],
        }),
        managedBundleIds(managed),
      ),
    );
    expect(installed).toEqual([
      {
        packageName: "com.example.work",
        name: "Work",
        version: "2.1",
        installSource: "managed",
        managed: true,
      },
      { packageName: "com.example.game", name: "Game", version: "5", installSource: "store", managed: false },
      { packageName: "com.example.tool", name: null, version: null, installSource: null, managed: false },
    ]);
  });

  it("refuses an app without an Identifier", () => {
    const result = appsFromInstalledApplicationList(report({ InstalledApplicationList: [{ Name: "?" }] }));
    expect(result.ok || [result.error.code, result.error.field]).toEqual(["missing_field", "Identifier"]);
  });

  it("reads profiles", () => {
    const profiles = value(
      profilesFromProfileList(
        report({
          ProfileList: [
            {
              PayloadIdentifier: "com.example.mdm",
              PayloadDisplayName: "Enrollment",
              PayloadUUID: "5A0B",
              IsManaged: true,
            },
            { PayloadIdentifier: "com.example.wifi" },
          ],
        }),
      ),
    );
    expect(profiles).toEqual([
      { identifier: "com.example.mdm", displayName: "Enrollment", uuid: "5A0B", managed: true },
      { identifier: "com.example.wifi", displayName: null, uuid: null, managed: false },
    ]);
  });

  it("reads certificates with their DER bytes", () => {
    const der = Buffer.from([0x30, 0x82, 0x01, 0x0a]);
    const certificates = value(
      certificatesFromCertificateList(
        report({
          CertificateList: [{ CommonName: "Device Identity", IsIdentity: true, Data: der }, { Data: der }],
        }),
      ),
    );
    expect(certificates).toEqual([
      { commonName: "Device Identity", isIdentity: true, data: der },
      { commonName: null, isIdentity: false, data: der },
    ]);
  });
});
