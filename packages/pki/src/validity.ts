import { PkiError } from "./errors.js";

const DAY_MS = 86_400_000;
const MAX_VALIDITY_DAYS = 100 * 366;

/**
 * Devices with clocks a little behind would otherwise refuse a certificate issued a moment ago;
 * five minutes covers ordinary drift without meaningfully extending the lifetime.
 */
const BACKDATE_MS = 5 * 60_000;

export interface ValidityWindow {
  notBefore: Date;
  notAfter: Date;
}

/**
 * The window for a new certificate, in whole seconds (X.509 times carry no fractions). An issued
 * certificate never outlives its CA: past the CA's own notAfter it could not be verified anyway.
 */
export function validityWindow(validityDays: unknown, caNotAfter?: Date, now = Date.now()): ValidityWindow {
  if (
    typeof validityDays !== "number" ||
    !Number.isFinite(validityDays) ||
    validityDays <= 0 ||
    validityDays > MAX_VALIDITY_DAYS
  )
    throw new PkiError(
      "invalid_request",
      `validityDays must be a number above 0 and at most ${MAX_VALIDITY_DAYS}.`,
    );
  if (caNotAfter && caNotAfter.getTime() <= now)
    throw new PkiError(
      "ca_expired",
      `This CA expired on ${caNotAfter.toISOString()}; create a new CA before issuing certificates.`,
    );
  const notBefore = new Date(Math.floor((now - BACKDATE_MS) / 1000) * 1000);
  const requested = new Date(Math.ceil((now + validityDays * DAY_MS) / 1000) * 1000);
  const notAfter = caNotAfter && caNotAfter < requested ? caNotAfter : requested;
  return { notBefore, notAfter };
}
