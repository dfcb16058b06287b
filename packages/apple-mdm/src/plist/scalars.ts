import { AppleMdmError } from "../errors.js";

const malformed = (message: string) => new AppleMdmError("malformed_plist", message);

/** Integers past 2^53 become bigint: a rounded serial or ID would be worse than an unusual type. */
export function integerFrom(text: string): number | bigint {
  const trimmed = text.trim();
  if (!/^[+-]?\d+$/.test(trimmed)) throw malformed(`"${trimmed.slice(0, 40)}" is not an <integer>.`);
  const value = Number(trimmed);
  return Number.isSafeInteger(value) ? value : BigInt(trimmed);
}

export function realFrom(text: string): number {
  const trimmed = text.trim();
  if (/^[+-]?inf(inity)?$/i.test(trimmed)) return trimmed.startsWith("-") ? -Infinity : Infinity;
  if (/^nan$/i.test(trimmed)) return NaN;
  const value = Number(trimmed);
  if (trimmed === "" || Number.isNaN(value)) throw malformed(`"${trimmed.slice(0, 40)}" is not a <real>.`);
  return value;
}

export function dateFrom(text: string): Date {
  const trimmed = text.trim();
  const value = new Date(trimmed);
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/.test(trimmed) || Number.isNaN(value.getTime()))
    throw malformed(`"${trimmed.slice(0, 40)}" is not a <date> (expected YYYY-MM-DDTHH:MM:SSZ).`);
  return value;
}

export function dataFrom(text: string): Buffer {
  const compact = text.replace(/\s+/g, "");
  // Buffer.from skips characters it does not know; a corrupt token must fail, not shrink.
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(compact)) throw malformed("A <data> value is not valid base64.");
  return Buffer.from(compact, "base64");
}
