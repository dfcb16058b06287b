import type { FastifyRequest } from "fastify";
import type { TLSSocket } from "node:tls";

/** The TLS socket under a request, whatever carried it. */
export const tlsSocketOf = (request: FastifyRequest) => request.raw.socket as TLSSocket;
