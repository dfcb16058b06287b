import { encodePlist } from "../plist/encode.js";
import type { PlistDict, PlistValue } from "../plist/value.js";
import type { AppleCommand } from "./types.js";

/** The plist body handed to the device in answer to its poll: `{ CommandUUID, Command }`. */
export function encodeCommand(commandUuid: string, command: AppleCommand): Buffer {
  const body: PlistDict = {};
  for (const [key, value] of Object.entries(command))
    if (value !== undefined) body[key] = asBytes(value as PlistValue);
  return encodePlist({ CommandUUID: commandUuid, Command: body });
}

// A Uint8Array that is not a Buffer still has to become <data>, never an array of numbers.
function asBytes(value: PlistValue): PlistValue {
  return value instanceof Uint8Array && !Buffer.isBuffer(value) ? Buffer.from(value) : value;
}
