import { attempt, type Result } from "../errors.js";
import { optionalBoolean, optionalString, requiredData } from "../plist/fields.js";
import { answerOf, dictListIn } from "./acknowledged.js";
import type { CommandReport } from "./report.js";

export interface InstalledCertificate {
  /** Null for a certificate with no common name: one odd certificate must not hide the rest. */
  commonName: string | null;
  /** The device holds the private key too. */
  isIdentity: boolean;
  /** The DER certificate. */
  data: Buffer;
}

/** Reads an Acknowledged CertificateList report. */
export function certificatesFromCertificateList(report: CommandReport): Result<InstalledCertificate[]> {
  return attempt(() =>
    dictListIn(answerOf(report, "CertificateList"), "CertificateList").map((certificate) => ({
      commonName: optionalString(certificate, "CommonName") ?? null,
      isIdentity: optionalBoolean(certificate, "IsIdentity") ?? false,
      data: requiredData(certificate, "Data"),
    })),
  );
}
