import { AppleMdmError, attempt, fail, type Result } from "../errors.js";
import { decodeBinaryPlist } from "./binary-decode.js";
import { resolveLimits, type PlistLimits } from "./limits.js";
import { isPlistDict, type PlistDict, type PlistValue } from "./value.js";
import { decodeXmlPlist } from "./xml-decode.js";

const BINARY_MAGIC = Buffer.from("bplist00", "latin1");

/** Decodes an XML or binary plist within the given bounds (4 MiB, depth 32, 65,536 values by default). */
export function decodePlist(body: Uint8Array, limits?: PlistLimits): Result<PlistValue> {
  const bounds = resolveLimits(limits);
  if (body.byteLength > bounds.maxBytes)
    return fail(
      new AppleMdmError(
        "too_large",
        `The body is ${body.byteLength} bytes; at most ${bounds.maxBytes} are accepted.`,
      ),
    );
  const bytes = Buffer.from(body.buffer, body.byteOffset, body.byteLength);
  if (bytes.subarray(0, 8).equals(BINARY_MAGIC)) return attempt(() => decodeBinaryPlist(bytes, bounds));
  return attempt(() => decodeXmlPlist(textOf(bytes), bounds));
}

/** Decodes a device message, which is always a dictionary at the top. */
export function decodePlistDict(body: Uint8Array, limits?: PlistLimits): Result<PlistDict> {
  const decoded = decodePlist(body, limits);
  if (!decoded.ok) return decoded;
  if (!isPlistDict(decoded.value))
    return fail(new AppleMdmError("not_a_dictionary", "The message's top-level value must be a <dict>."));
  return { ok: true, value: decoded.value };
}

function textOf(bytes: Buffer): string {
  if (
    bytes.length >= 2 &&
    ((bytes[0] === 0xfe && bytes[1] === 0xff) || (bytes[0] === 0xff && bytes[1] === 0xfe))
  )
    throw new AppleMdmError("malformed_plist", "UTF-16 plists are not accepted; devices send UTF-8.");
  const text = new TextDecoder("utf-8", { fatal: false }).decode(bytes);
  // A byte-order mark is harmless; strip it so the first '<' is where the parser expects it.
  return text.startsWith("\uFEFF") ? text.slice(1) : text;
}
