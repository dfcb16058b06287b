/** The alerts the edge sends before it closes a connection it will not route (RFC 8446 §6). */
export const TlsAlert = {
  decodeError: 50,
  internalError: 80,
  unrecognizedName: 112,
} as const;

export type TlsAlertDescription = (typeof TlsAlert)[keyof typeof TlsAlert];

/**
 * One fatal alert record. Sent in the clear before any ServerHello, as a server does when it refuses a
 * ClientHello; 0x0303 is the record version every TLS 1.2 and 1.3 client accepts at this point.
 */
export function fatalAlert(description: TlsAlertDescription): Buffer {
  const FATAL = 2;
  return Buffer.from([0x15, 0x03, 0x03, 0x00, 0x02, FATAL, description]);
}
