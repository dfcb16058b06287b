import { randomBytes } from "node:crypto";
import { PkiError } from "./errors.js";

/**
 * 16 random bytes with the top bit cleared (DER integers are signed) and the next one set, so the
 * serial is always exactly 16 bytes and 32 hex digits: 126 random bits, far above the 64 that the
 * CA/Browser Forum asks for to make serials unpredictable.
 */
export function randomSerialNumber(): string {
  const bytes = randomBytes(16);
  bytes[0] = (bytes[0]! & 0x7f) | 0x40;
  return bytes.toString("hex");
}

/**
 * Serial numbers are lowercase hex without leading zero bytes everywhere in this package, so the
 * same certificate always gives the same string for the revocation table. Colons, as OpenSSL
 * prints them, and upper case are accepted on the way in.
 */
export function normalizeSerialNumber(serial: unknown): string {
  const hex = typeof serial === "string" ? serial.replace(/:/g, "").toLowerCase() : "";
  if (!/^[0-9a-f]{1,40}$/.test(hex))
    throw new PkiError(
      "invalid_request",
      `${JSON.stringify(serial)} is not a certificate serial number (1 to 40 hex digits).`,
    );
  const trimmed = hex.replace(/^(00)+(?=[0-9a-f]{2})/, "");
  return trimmed.length % 2 === 1 ? `0${trimmed}` : trimmed;
}
