import { AppleMdmError } from "../errors.js";
import { isPlistDict, type PlistDict, type PlistValue } from "./value.js";

/**
 * Typed reads of one key. A missing required key says which key; a key of the wrong type says what
 * was expected. They throw AppleMdmError; the parsers turn it into a value at their boundary.
 */
export function requiredString(dict: PlistDict, key: string): string {
  const value = optionalString(dict, key);
  if (value === undefined || value === "") throw missing(key);
  return value;
}

export function optionalString(dict: PlistDict, key: string): string | undefined {
  const value = own(dict, key);
  if (value === undefined) return undefined;
  if (typeof value !== "string") throw wrongType(key, "a <string>");
  return value;
}

export function requiredData(dict: PlistDict, key: string): Buffer {
  const value = optionalData(dict, key);
  if (value === undefined) throw missing(key);
  return value;
}

export function optionalData(dict: PlistDict, key: string): Buffer | undefined {
  const value = own(dict, key);
  if (value === undefined) return undefined;
  if (!(value instanceof Uint8Array)) throw wrongType(key, "<data>");
  return Buffer.isBuffer(value) ? value : Buffer.from(value);
}

export function optionalBoolean(dict: PlistDict, key: string): boolean | undefined {
  const value = own(dict, key);
  if (value === undefined) return undefined;
  if (typeof value !== "boolean") throw wrongType(key, "<true/> or <false/>");
  return value;
}

/** Numbers from <integer> or <real>; a bigint is returned as the nearest number, since callers compute with it. */
export function optionalNumber(dict: PlistDict, key: string): number | undefined {
  const value = own(dict, key);
  if (value === undefined) return undefined;
  if (typeof value === "bigint") return Number(value);
  if (typeof value !== "number") throw wrongType(key, "a number");
  return value;
}

export function optionalDict(dict: PlistDict, key: string): PlistDict | undefined {
  const value = own(dict, key);
  if (value === undefined) return undefined;
  if (!isPlistDict(value)) throw wrongType(key, "a <dict>");
  return value;
}

export function optionalArray(dict: PlistDict, key: string): PlistValue[] | undefined {
  const value = own(dict, key);
  if (value === undefined) return undefined;
  if (!Array.isArray(value)) throw wrongType(key, "an <array>");
  return value;
}

/** Reads only own keys: `constructor` or `toString` in a message must not find Object.prototype. */
function own(dict: PlistDict, key: string): PlistValue | undefined {
  return Object.hasOwn(dict, key) ? dict[key] : undefined;
}

export const missing = (key: string) =>
  new AppleMdmError("missing_field", `The message has no ${key}, which is required.`, key);

const wrongType = (key: string, expected: string) =>
  new AppleMdmError("invalid_field", `${key} must be ${expected}.`, key);
