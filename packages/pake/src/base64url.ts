import { PakeError } from "./pake-error.js";

const BASE64URL = /^[A-Za-z0-9_-]*$/;

export function encodeBase64url(bytes: Uint8Array): string {
  return Buffer.from(bytes).toString("base64url");
}

/**
 * Strict base64url (no padding, canonical trailing bits) of at most `maxBytes` bytes. Node's own
 * decoder skips characters it does not know, so garbage would otherwise decode to something.
 */
export function decodeBase64url(value: unknown, what: string, maxBytes: number): Uint8Array {
  if (typeof value !== "string")
    throw new PakeError("malformed_message", `${what} must be a base64url string.`);
  if (value.length > Math.ceil((maxBytes * 4) / 3))
    throw new PakeError("malformed_message", `${what} is longer than ${maxBytes} bytes.`);
  const bytes = BASE64URL.test(value) ? Buffer.from(value, "base64url") : undefined;
  if (!bytes || bytes.toString("base64url") !== value)
    throw new PakeError("malformed_message", `${what} is not canonical unpadded base64url.`);
  return new Uint8Array(bytes);
}
