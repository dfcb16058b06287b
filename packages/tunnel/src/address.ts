import { isIP } from "node:net";
import { TunnelError } from "./errors.js";

export interface HostPort {
  host: string;
  port: number;
}

/** "host:port", "[v6]:port", or a bare host that takes `defaultPort`. */
export function parseHostPort(text: string, defaultPort?: number): HostPort {
  const bracketed = /^\[([^\]]+)\](?::(\d+))?$/.exec(text);
  const plain = /^([^:[\]]+)(?::(\d+))?$/.exec(text);
  const match = bracketed ?? plain;
  const host = match?.[1];
  const port = match?.[2] === undefined ? defaultPort : Number(match[2]);
  if (
    !host ||
    (bracketed && isIP(host) !== 6) ||
    port === undefined ||
    !Number.isInteger(port) ||
    port < 1 ||
    port > 65_535
  )
    throw new TunnelError("invalid_address", `"${text}" is not a host and port (host:port or [IPv6]:port).`);
  return { host, port };
}

export const formatHostPort = ({ host, port }: HostPort) =>
  `${isIP(host) === 6 ? `[${host}]` : host}:${port}`;
