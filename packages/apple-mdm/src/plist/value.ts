/**
 * What a decoded plist holds. Integers beyond 2^53 stay exact as bigint rather than silently rounding;
 * `<data>` arrives as a Buffer.
 */
export type PlistValue = string | number | bigint | boolean | Date | Uint8Array | PlistValue[] | PlistDict;
export interface PlistDict {
  [key: string]: PlistValue;
}

export function isPlistDict(value: PlistValue | undefined): value is PlistDict {
  return (
    typeof value === "object" &&
    value !== null &&
    !Array.isArray(value) &&
    !(value instanceof Date) &&
    !(value instanceof Uint8Array)
  );
}

/**
 * Sets a key as an own property even when it is `__proto__`, so a hostile key cannot swap a
 * dictionary's prototype.
 */
export function setKey(dict: PlistDict, key: string, value: PlistValue): void {
  Object.defineProperty(dict, key, { value, writable: true, enumerable: true, configurable: true });
}
