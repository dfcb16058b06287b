import { describe, expect, it } from "vitest";
import { encodePlist } from "../plist/encode.js";
import { vectorBytes, vectorTable } from "../testing/vectors.js";
import { parseReport } from "./report.js";

describe("parseReport", () => {
  const rows = vectorTable("nanomdm/expected-decode.txt").filter(([, type]) => type === "CommandResults");

  it.each(rows)("%s is a %s from %s, %s, command %s", (file, _type, udid, status, commandUuid) => {
    const result = parseReport(vectorBytes(`nanomdm/${file}`));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.enrollment.udid).toBe(udid);
    expect(result.value.status).toBe(status);
    expect(result.value.commandUuid).toBe(commandUuid);
    expect(result.value.fields.RequestType).toBe("DeviceInformation");
    expect(result.value.fields).not.toHaveProperty("UDID");
  });

  it("covers the report the table names", () => expect(rows.length).toBe(1));

  it("accepts an Idle poll without a CommandUUID", () => {
    const result = parseReport(encodePlist({ UDID: "D1", Status: "Idle" }));
    expect(result.ok && result.value).toEqual({
      status: "Idle",
      enrollment: { udid: "D1" },
      errorChain: [],
      fields: {},
    });
  });

  it("refuses a non-Idle report without a CommandUUID", () => {
    for (const status of ["Acknowledged", "Error", "NotNow"]) {
      const result = parseReport(encodePlist({ UDID: "D1", Status: status }));
      expect(result.ok ? "accepted" : [result.error.code, result.error.field]).toEqual([
        "missing_field",
        "CommandUUID",
      ]);
    }
  });

  it("refuses an unknown Status", () => {
    const result = parseReport(encodePlist({ UDID: "D1", Status: "Maybe", CommandUUID: "c" }));
    expect(result.ok || result.error.code).toBe("unknown_status");
  });

  it("reads the ErrorChain", () => {
    const result = parseReport(
      encodePlist({
        UDID: "D1",
        Status: "Error",
        CommandUUID: "c1",
        ErrorChain: [
          {
            ErrorCode: -909,
            ErrorDomain: "NSOSStatusErrorDomain",
            LocalizedDescription: "Le profil est invalide",
            USEnglishDescription: "The profile is invalid",
          },
        ],
      }),
    );
    expect(result.ok && result.value.errorChain).toEqual([
      {
        errorCode: -909,
        errorDomain: "NSOSStatusErrorDomain",
        localizedDescription: "Le profil est invalide",
        usEnglishDescription: "The profile is invalid",
      },
    ]);
  });
});
