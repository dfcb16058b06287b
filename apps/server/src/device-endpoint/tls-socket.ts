import type { FastifyRequest } from "fastify";
import type { TLSSocket } from "node:tls";
import { normalizeSerialNumber } from "@meridian/pki";

/** The TLS socket under a request, whatever carried it. */
export const tlsSocketOf = (request: FastifyRequest) => request.raw.socket as TLSSocket;

const peerSerials = new WeakMap<TLSSocket, string | null>();

/**
 * The serial number of the client certificate the connection presented (null without one), read
 * once per connection: a device sends many requests over one, and decoding the certificate for each
 * cost more than the rest of a small request.
 */
export function peerCertificateSerial(socket: TLSSocket): string | null {
  let serial = peerSerials.get(socket);
  if (serial === undefined) {
    const peer = socket.getPeerX509Certificate?.();
    serial = peer ? normalizeSerialNumber(peer.serialNumber) : null;
    peerSerials.set(socket, serial);
  }
  return serial;
}
