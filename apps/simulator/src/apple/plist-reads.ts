import { isPlistDict, type PlistDict, type PlistValue } from "@meridian/apple-mdm";

/** Reads of what the server sent; a wrong shape is the server's bug, said plainly. */
export function text(dict: PlistDict, key: string, where: string): string {
  const value = dict[key];
  if (typeof value !== "string" || value === "") throw new Error(`${where} has no ${key} string.`);
  return value;
}

export function optionalText(dict: PlistDict, key: string): string | undefined {
  const value = dict[key];
  return typeof value === "string" ? value : undefined;
}

export function bytes(dict: PlistDict, key: string, where: string): Buffer {
  const value = dict[key];
  if (!(value instanceof Uint8Array)) throw new Error(`${where} has no ${key} data.`);
  return Buffer.from(value);
}

export function dicts(value: PlistValue | undefined): PlistDict[] {
  return Array.isArray(value) ? value.filter(isPlistDict) : [];
}
