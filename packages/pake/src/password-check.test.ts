import { describe, expect, it } from "vitest";
import { createActivationRecord, passwordMatchesRecord } from "./activation-record.js";
import { testOnlyFastDeriveScalars } from "./test-stand-ins.js";

describe("checking a typed password against an activation record", () => {
  it("accepts the password the record was made from and nothing else", async () => {
    const record = await createActivationRecord({
      password: "Kx7mQ2pWz9",
      deriveScalars: testOnlyFastDeriveScalars,
    });
    expect(await passwordMatchesRecord(record, "Kx7mQ2pWz9", testOnlyFastDeriveScalars)).toBe(true);
    expect(await passwordMatchesRecord(record, "Kx7mQ2pWz8", testOnlyFastDeriveScalars)).toBe(false);
    expect(await passwordMatchesRecord(record, "kx7mq2pwz9", testOnlyFastDeriveScalars)).toBe(false);
    expect(await passwordMatchesRecord(record, "", testOnlyFastDeriveScalars)).toBe(false);
  });
});
