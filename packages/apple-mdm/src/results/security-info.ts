import { attempt, type Result } from "../errors.js";
import { defined } from "../plist/defined.js";
import { optionalBoolean, optionalNumber } from "../plist/fields.js";
import { answerOf, requiredDictIn } from "./acknowledged.js";
import type { AppleInventoryPatch } from "./device-information.js";
import type { CommandReport } from "./report.js";

// iOS has data protection only with both block- and file-level encryption and a passcode set.
const BLOCK_AND_FILE_ENCRYPTION = 3;

/**
 * Reads an Acknowledged SecurityInfo report. A Mac answers with FileVault state (FDE_Enabled) and
 * says nothing of a passcode; an iPhone or iPad answers with HardwareEncryptionCaps and PasscodePresent.
 */
export function securityFromSecurityInfo(
  report: CommandReport,
): Result<NonNullable<AppleInventoryPatch["security"]>> {
  return attempt(() => {
    const info = requiredDictIn(answerOf(report, "SecurityInfo"), "SecurityInfo");
    const fileVault = optionalBoolean(info, "FDE_Enabled");
    if (fileVault !== undefined) return { encrypted: fileVault };
    const caps = optionalNumber(info, "HardwareEncryptionCaps");
    const passcodeSet = optionalBoolean(info, "PasscodePresent");
    return defined({
      passcodeSet,
      encrypted:
        caps === undefined || passcodeSet === undefined
          ? undefined
          : caps === BLOCK_AND_FILE_ENCRYPTION && passcodeSet,
    });
  });
}
