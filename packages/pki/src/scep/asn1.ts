import * as asn1js from "asn1js";
import { PkiError } from "../errors.js";
import { UNTRUSTED_PARSE_OPTIONS } from "../pem.js";

/** Copies into a fresh Uint8Array: asn1js and pkijs keep views, and Buffers may share a pool. */
export function bytes(source: ArrayBuffer | ArrayBufferView): Uint8Array {
  return source instanceof ArrayBuffer
    ? new Uint8Array(source.slice(0))
    : new Uint8Array(source.buffer.slice(source.byteOffset, source.byteOffset + source.byteLength));
}

/** The error for a message that cannot be read at all; the server answers it with HTTP 400. */
export function unreadable(reason: string, cause?: unknown): PkiError {
  return new PkiError("scep_unreadable_message", reason, { cause });
}

/**
 * Parses one DER value from outside, with the package's depth and size limits, and builds a pkijs
 * object from it. Every failure becomes a PkiError naming `what`.
 */
export function parseWith<T>(
  Schema: new (parameters: { schema: asn1js.AsnType }) => T,
  der: Uint8Array,
  what: string,
): T {
  const copy = bytes(der);
  const parsed = asn1js.fromBER(copy, UNTRUSTED_PARSE_OPTIONS.berOptions);
  if (parsed.offset === -1 || parsed.offset !== copy.byteLength)
    throw unreadable(`The ${what} is not one well-formed DER structure.`);
  try {
    return new Schema({ schema: parsed.result });
  } catch (cause) {
    throw unreadable(`The ${what} does not have the structure SCEP expects.`, cause);
  }
}

export const printable = (text: string) => new asn1js.PrintableString({ value: text });
export const octets = (value: Uint8Array) => new asn1js.OctetString({ valueHex: bytes(value) });
