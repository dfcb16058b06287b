/**
 * A minimal DER writer for the structures this CA signs. @peculiar/x509 builds the same certificate
 * through asn1-schema in about 2.4 ms; writing the few fixed shapes directly takes tens of
 * microseconds, which is what lets one server issue hundreds of device certificates a second.
 * Every shape written here is checked by OpenSSL and by @peculiar/x509 in the tests.
 */

export type Der = Uint8Array;

function lengthOctets(length: number): Der {
  if (length < 0x80) return Uint8Array.of(length);
  const bytes: number[] = [];
  for (let rest = length; rest > 0; rest = Math.floor(rest / 256)) bytes.unshift(rest % 256);
  return Uint8Array.of(0x80 | bytes.length, ...bytes);
}

export function tlv(tag: number, ...contents: Der[]): Der {
  const body = Buffer.concat(contents);
  return Buffer.concat([Uint8Array.of(tag), lengthOctets(body.length), body]);
}

export const sequence = (...contents: Der[]) => tlv(0x30, ...contents);
export const set = (...contents: Der[]) => tlv(0x31, ...contents);
/** A context-specific constructed tag, [n] EXPLICIT. */
export const explicit = (n: number, ...contents: Der[]) => tlv(0xa0 | n, ...contents);
export const octetString = (bytes: Der) => tlv(0x04, bytes);
export const bitString = (bytes: Der) => tlv(0x03, Uint8Array.of(0), bytes);
export const derTrue: Der = Uint8Array.of(0x01, 0x01, 0xff);
export const derNull: Der = Uint8Array.of(0x05, 0x00);

/** A non-negative INTEGER from hex digits, in its shortest form with a sign octet when needed. */
export function integerFromHex(hex: string): Der {
  let bytes = Buffer.from(hex.length % 2 ? `0${hex}` : hex, "hex");
  let first = 0;
  while (first < bytes.length - 1 && bytes[first] === 0) first++;
  bytes = bytes.subarray(first);
  if (bytes.length === 0) bytes = Buffer.of(0);
  return tlv(0x02, bytes[0]! & 0x80 ? Buffer.concat([Buffer.of(0), bytes]) : bytes);
}

export const smallInteger = (value: number) => integerFromHex(value.toString(16));

const oidCache = new Map<string, Der>();

export function objectIdentifier(oid: string): Der {
  let encoded = oidCache.get(oid);
  if (encoded) return encoded;
  const arcs = oid.split(".").map(Number);
  const bytes = [40 * arcs[0]! + arcs[1]!];
  for (const arc of arcs.slice(2)) {
    const base128 = [arc & 0x7f];
    for (let rest = Math.floor(arc / 128); rest > 0; rest = Math.floor(rest / 128))
      base128.unshift(0x80 | (rest & 0x7f));
    bytes.push(...base128);
  }
  encoded = tlv(0x06, Uint8Array.from(bytes));
  oidCache.set(oid, encoded);
  return encoded;
}

/** RFC 5280 4.1.2.5: UTCTime for 1950 to 2049, GeneralizedTime otherwise; whole seconds, always Z. */
export function time(date: Date): Der {
  const iso = date.toISOString(); // 2026-01-02T03:04:05.000Z
  const digits = iso.slice(0, 19).replace(/[-T:]/g, "") + "Z";
  const year = date.getUTCFullYear();
  return year >= 1950 && year < 2050
    ? tlv(0x17, Buffer.from(digits.slice(2), "ascii"))
    : tlv(0x18, Buffer.from(digits, "ascii"));
}

const PRINTABLE = /^[A-Za-z0-9 '()+,\-./:=?]*$/;

/** PrintableString when the text allows it (the widest compatibility), UTF8String otherwise. */
export function directoryString(text: string): Der {
  return PRINTABLE.test(text) ? tlv(0x13, Buffer.from(text, "ascii")) : tlv(0x0c, Buffer.from(text, "utf8"));
}

/** A named-bit BIT STRING (keyUsage) in DER form: trailing zero bits dropped and counted as unused. */
export function namedBits(bitNumbers: readonly number[]): Der {
  const highest = Math.max(...bitNumbers);
  const bytes = new Uint8Array(Math.floor(highest / 8) + 1);
  for (const bit of bitNumbers) bytes[bit >> 3]! |= 0x80 >> (bit & 7);
  return tlv(0x03, Uint8Array.of(7 - (highest & 7)), bytes);
}
