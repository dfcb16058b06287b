import { readFileSync } from "node:fs";
import {
  appsFromInstalledApplicationList,
  certificatesFromCertificateList,
  decodePlistDict,
  encodeCommand,
  encodePlist,
  inventoryFromDeviceInformation,
  isPlistDict,
  parseReport,
  profilesFromProfileList,
  securityFromSecurityInfo,
  type AppleCommand,
  type CommandReport,
  type PlistDict,
} from "@meridian/apple-mdm";
import { describe, expect, it } from "vitest";
import { CommandAnswerer, type AnswerBehaviour } from "./command-answers.js";
import { AppleDeviceState } from "./device-state.js";
import { appleHardware, type ApplePlatform } from "./hardware.js";

const VECTORS = new URL("../../../../../shared/vectors/apple/nanomdm/", import.meta.url);

function device(platform: ApplePlatform, behaviour: AnswerBehaviour = {}) {
  const state = new AppleDeviceState(
    appleHardware(platform, 0),
    { ca: Buffer.from("ca"), identity: Buffer.from("id"), caName: "Acme CA", identityName: "Acme device" },
    platform === "ios" ? Buffer.from("unlock") : undefined,
  );
  const answerer = new CommandAnswerer(state, behaviour);
  /** As the wire carries it: the server's encoding in, the device's report read by the server's parser. */
  const run = (command: AppleCommand): CommandReport => {
    const sent = decodePlistDict(encodeCommand("C-1", command));
    if (!sent.ok) throw sent.error;
    const answer = answerer.answer(sent.value.Command as PlistDict);
    const report = parseReport(
      encodePlist({ UDID: state.hardware.udid, Status: answer.status, CommandUUID: "C-1", ...answer.fields }),
    );
    if (!report.ok) throw report.error;
    return report.value;
  };
  return { state, run };
}

const valueOf = <T>(result: { ok: true; value: T } | { ok: false; error: Error }): T => {
  if (!result.ok) throw result.error;
  return result.value;
};

describe("a simulated device's answers, read by the server's own readers", () => {
  it("answers DeviceInformation with only the queries asked, typed as in a recorded answer", () => {
    const recorded = valueOf(decodePlistDict(readFileSync(new URL("DeviceInformation.1.plist", VECTORS))));
    const { state, run } = device("macos");
    const report = run({ RequestType: "DeviceInformation", Queries: ["HostName", "UDID", "SerialNumber"] });
    expect(Object.keys(report.fields.QueryResponses as PlistDict).sort()).toEqual([
      "HostName",
      "SerialNumber",
      "UDID",
    ]);
    const recordedAnswers = recorded.QueryResponses as PlistDict;
    for (const key of Object.keys(recordedAnswers))
      expect(typeof (report.fields.QueryResponses as PlistDict)[key]).toBe(typeof recordedAnswers[key]);
    const inventory = valueOf(
      inventoryFromDeviceInformation(
        run({
          RequestType: "DeviceInformation",
          Queries: ["ProductName", "OSVersion", "BuildVersion", "SerialNumber"],
        }),
      ),
    );
    expect(inventory.hardware).toMatchObject({
      model: state.hardware.productName,
      serialNumber: state.hardware.serialNumber,
    });
    expect(inventory.os).toEqual({ version: state.hardware.osVersion, buildId: state.hardware.buildVersion });
  });

  it("answers SecurityInfo as an iPhone (data protection) and as a Mac (FileVault)", () => {
    expect(valueOf(securityFromSecurityInfo(device("ios").run({ RequestType: "SecurityInfo" })))).toEqual({
      passcodeSet: true,
      encrypted: true,
    });
    expect(valueOf(securityFromSecurityInfo(device("macos").run({ RequestType: "SecurityInfo" })))).toEqual({
      encrypted: true,
    });
  });

  it("installs and removes a profile, and lists it meanwhile", () => {
    const { run } = device("ios");
    const payload = encodePlist({
      PayloadType: "Configuration",
      PayloadIdentifier: "com.acme.wifi",
      PayloadUUID: "6B1A1F52-1111-4C4C-9A3B-000000000001",
      PayloadDisplayName: "Office Wi-Fi",
      PayloadContent: [{ PayloadType: "com.apple.wifi.managed", PayloadIdentifier: "com.acme.wifi.1" }],
    });
    expect(run({ RequestType: "InstallProfile", Payload: payload }).status).toBe("Acknowledged");
    const listed = valueOf(profilesFromProfileList(run({ RequestType: "ProfileList" })));
    expect(listed).toContainEqual({
      identifier: "com.acme.wifi",
      displayName: "Office Wi-Fi",
      uuid: "6B1A1F52-1111-4C4C-9A3B-000000000001",
      managed: true,
    });
    expect(run({ RequestType: "RemoveProfile", Identifier: "com.acme.wifi" }).status).toBe("Acknowledged");
    expect(valueOf(profilesFromProfileList(run({ RequestType: "ProfileList" })))).toEqual([]);
    const again = run({ RequestType: "RemoveProfile", Identifier: "com.acme.wifi" });
    expect(again.status).toBe("Error");
    expect(again.errorChain[0]).toMatchObject({ errorDomain: "MCProfileErrorDomain", errorCode: 1001 });
    expect(run({ RequestType: "InstallProfile", Payload: Buffer.from("not a profile") }).status).toBe(
      "Error",
    );
  });

  it("lists apps, installs and removes a managed one, and lists its certificates", () => {
    const { run } = device("macos");
    expect(
      valueOf(appsFromInstalledApplicationList(run({ RequestType: "InstalledApplicationList" }))).length,
    ).toBe(4);
    expect(
      run({ RequestType: "InstallApplication", Identifier: "com.acme.app", ManagementFlags: 1 }),
    ).toMatchObject({
      status: "Acknowledged",
      fields: { Identifier: "com.acme.app" },
    });
    const apps = valueOf(appsFromInstalledApplicationList(run({ RequestType: "InstalledApplicationList" })));
    expect(apps.map((app) => app.packageName)).toContain("com.acme.app");
    expect(run({ RequestType: "RemoveApplication", Identifier: "com.acme.app" }).status).toBe("Acknowledged");
    expect(run({ RequestType: "RemoveApplication", Identifier: "com.apple.Safari" }).status).toBe("Error");
    const certificates = valueOf(certificatesFromCertificateList(run({ RequestType: "CertificateList" })));
    expect(certificates.map((c) => [c.commonName, c.isIdentity])).toEqual([
      ["Acme CA", false],
      ["Acme device", true],
    ]);
  });

  it("locks an iPhone as asked, and a Mac only with a six-digit PIN", () => {
    const phone = device("ios");
    expect(phone.run({ RequestType: "DeviceLock", Message: "Call IT" }).status).toBe("Acknowledged");
    expect(phone.state.locked).toBe(true);
    const mac = device("macos");
    expect(mac.run({ RequestType: "DeviceLock" }).status).toBe("Error");
    expect(mac.run({ RequestType: "DeviceLock", PIN: "123456" }).status).toBe("Acknowledged");
  });

  it("clears the passcode only with its own unlock token, and renames itself through Settings", () => {
    const phone = device("ios");
    expect(phone.run({ RequestType: "ClearPasscode", UnlockToken: Buffer.from("other") }).status).toBe(
      "Error",
    );
    expect(phone.run({ RequestType: "ClearPasscode", UnlockToken: Buffer.from("unlock") }).status).toBe(
      "Acknowledged",
    );
    expect(phone.state.passcodePresent).toBe(false);
    const settings = phone.run({
      RequestType: "Settings",
      Settings: [{ Item: "DeviceName", DeviceName: "Kiosk 4" }],
    });
    expect(settings.fields.Settings).toEqual([{ Item: "DeviceName", Status: "Acknowledged" }]);
    expect(phone.state.hardware.deviceName).toBe("Kiosk 4");
  });

  it("restarts, shuts down, and marks itself erased", () => {
    const { state, run } = device("ios");
    for (const RequestType of ["RestartDevice", "ShutDownDevice", "EraseDevice"] as const)
      expect(run({ RequestType }).status).toBe("Acknowledged");
    expect([state.restarts, state.shutdowns, state.erased]).toEqual([1, 1, true]);
  });

  it("says NotNow once when told to, and Error with an ErrorChain every time when told to", () => {
    const { run } = device("ios", { notNowOnce: ["ProfileList"], failWith: ["SecurityInfo"] });
    expect(run({ RequestType: "ProfileList" }).status).toBe("NotNow");
    expect(run({ RequestType: "ProfileList" }).status).toBe("Acknowledged");
    for (let i = 0; i < 2; i++) {
      const failed = run({ RequestType: "SecurityInfo" });
      expect(failed.status).toBe("Error");
      expect(failed.errorChain).toHaveLength(1);
      expect(isPlistDict(failed.fields)).toBe(true);
    }
  });
});
