import * as plist from "plist";
import type { PlistValue } from "./value.js";

/** Encodes a value as an XML plist (UTF-8), the form devices expect from the server. */
export function encodePlist(value: PlistValue): Buffer {
  // plist's own value type has no bigint, though its builder writes bigints as <integer>.
  return Buffer.from(plist.build(value as plist.PlistValue), "utf8");
}
