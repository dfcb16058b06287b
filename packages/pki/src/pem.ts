import { PkiError } from "./errors.js";

/**
 * Nothing this package reads legitimately comes near 64 KiB: a P-256 CSR is about 0.5 KiB and an RSA
 * 8192 one about 3 KiB. Refusing larger input before any parsing bounds the work an attacker can ask.
 */
export const MAX_PEM_CHARS = 64 * 1024;

/**
 * Limits handed to asn1js for every structure parsed from outside. Real certificates nest about a
 * dozen levels; the library's own default (100) would allow much deeper recursion.
 */
export const UNTRUSTED_PARSE_OPTIONS = {
  berOptions: { maxDepth: 32, maxNodes: 10_000, maxContentLength: MAX_PEM_CHARS },
};

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/** The first PEM block with one of `labels`, as DER. Text around the block (openssl -text output) is ignored. */
export function decodePem(pem: unknown, labels: readonly string[], what: string): Uint8Array {
  if (typeof pem !== "string") throw new PkiError("malformed_pem", `The ${what} must be PEM text.`);
  if (pem.length > MAX_PEM_CHARS) {
    throw new PkiError(
      "input_too_large",
      `The ${what} is ${pem.length} characters; at most ${MAX_PEM_CHARS} are accepted.`,
    );
  }
  for (const label of labels) {
    const begin = `-----BEGIN ${label}-----`;
    const start = pem.indexOf(begin);
    if (start === -1) continue;
    const end = pem.indexOf(`-----END ${label}-----`, start + begin.length);
    if (end === -1) break;
    const body = pem.slice(start + begin.length, end).replace(/\s+/g, "");
    if (body.length === 0 || body.length % 4 !== 0 || !BASE64.test(body)) break;
    const der = new Uint8Array(Buffer.from(body, "base64"));
    assertSingleDerValue(der, what);
    return der;
  }
  throw new PkiError(
    "malformed_pem",
    `The ${what} is not a well-formed PEM block starting with "-----BEGIN ${labels[0]}-----".`,
  );
}

export function encodePem(der: ArrayBuffer | Uint8Array, label: string): string {
  const base64 = Buffer.from(der instanceof Uint8Array ? der : new Uint8Array(der)).toString("base64");
  const lines = base64.match(/.{1,64}/g) ?? [];
  return `-----BEGIN ${label}-----\n${lines.join("\n")}\n-----END ${label}-----\n`;
}

/**
 * Checks that the bytes are exactly one definite-length SEQUENCE. Trailing bytes would otherwise be
 * ignored by the parser yet change the fingerprint, and indefinite lengths are BER, never DER.
 */
function assertSingleDerValue(der: Uint8Array, what: string): void {
  const fail = () =>
    new PkiError("malformed_pem", `The ${what} does not hold a single DER-encoded structure.`);
  if (der.length < 2 || der[0] !== 0x30) throw fail();
  const first = der[1]!;
  let length = first;
  let header = 2;
  if (first & 0x80) {
    const lengthBytes = first & 0x7f;
    if (lengthBytes === 0 || lengthBytes > 3 || der.length < 2 + lengthBytes) throw fail();
    length = 0;
    for (let i = 0; i < lengthBytes; i++) length = length * 256 + der[2 + i]!;
    header = 2 + lengthBytes;
  }
  if (header + length !== der.length) throw fail();
}
