import { isIP, type Socket } from "node:net";
import { TunnelError } from "../errors.js";
import { readReply } from "./read-reply.js";

const VERSION = 5;
const NO_AUTHENTICATION = 0;
const CONNECT = 1;
const ATYP_IPV4 = 1;
const ATYP_DOMAIN = 3;
const ATYP_IPV6 = 4;

/** RFC 1928 §6 reply codes, in words an operator can act on. */
const REPLIES: Record<number, string> = {
  1: "general SOCKS server failure",
  2: "connection not allowed by ruleset",
  3: "network unreachable",
  4: "host unreachable",
  5: "connection refused",
  6: "TTL expired",
  7: "command not supported",
  8: "address type not supported",
};

/**
 * Asks a SOCKS v5 proxy, without authentication, to CONNECT `socket` to host:port (RFC 1928). Host names
 * go to the proxy unresolved: the proxy's network, not ours, knows how to reach the relay.
 */
export async function socks5Connect(
  socket: Socket,
  host: string,
  port: number,
  proxy: string,
): Promise<void> {
  socket.write(Buffer.from([VERSION, 1, NO_AUTHENTICATION]));
  const choice = await readReply(socket, () => 2, { maxBytes: 2, proxy });
  if (choice[0] !== VERSION) throw new TunnelError("proxy_failed", `${proxy} does not speak SOCKS v5.`);
  if (choice[1] !== NO_AUTHENTICATION)
    throw new TunnelError("proxy_failed", `${proxy} requires SOCKS authentication, which is not configured.`);

  socket.write(Buffer.concat([Buffer.from([VERSION, CONNECT, 0]), encodeAddress(host), portBytes(port)]));
  const reply = await readReply(socket, replyLength, { maxBytes: 262, proxy });
  if (reply[0] !== VERSION)
    throw new TunnelError("proxy_failed", `${proxy} sent a reply that is not SOCKS v5.`);
  const code = reply[1]!;
  if (code !== 0) {
    const meaning = REPLIES[code] ?? `reply code ${code}`;
    throw new TunnelError("proxy_failed", `${proxy} could not connect to ${host}:${port}: ${meaning}.`);
  }
}

function encodeAddress(host: string): Buffer {
  const family = isIP(host);
  if (family === 4) return Buffer.from([ATYP_IPV4, ...host.split(".").map(Number)]);
  if (family === 6) return Buffer.concat([Buffer.from([ATYP_IPV6]), ipv6Bytes(host)]);
  const name = Buffer.from(host, "ascii");
  if (name.length === 0 || name.length > 255)
    throw new TunnelError("invalid_address", `The host name ${host} cannot be sent to a SOCKS proxy.`);
  return Buffer.concat([Buffer.from([ATYP_DOMAIN, name.length]), name]);
}

function ipv6Bytes(address: string): Buffer {
  // An embedded IPv4 tail (::ffff:192.0.2.1) is two more groups.
  const v4 = /(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(address);
  if (v4) {
    const [a, b, c, d] = v4.slice(1).map(Number) as [number, number, number, number];
    address = `${address.slice(0, v4.index)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head = "", tail = ""] = address.split("::");
  const groups = (part: string) => (part === "" ? [] : part.split(":"));
  const left = groups(head);
  const right = groups(tail);
  const zeros = address.includes("::") ? 8 - left.length - right.length : 0;
  const all = [...left, ...Array<string>(zeros).fill("0"), ...right];
  const bytes = Buffer.alloc(16);
  all.forEach((group, i) => bytes.writeUInt16BE(parseInt(group, 16), i * 2));
  return bytes;
}

function portBytes(port: number): Buffer {
  const bytes = Buffer.alloc(2);
  bytes.writeUInt16BE(port);
  return bytes;
}

/** VER REP RSV ATYP BND.ADDR BND.PORT, where BND.ADDR's length depends on ATYP. */
function replyLength(received: Buffer): number | undefined {
  if (received.length < 5) return undefined;
  switch (received[3]) {
    case ATYP_IPV4:
      return 4 + 4 + 2;
    case ATYP_IPV6:
      return 4 + 16 + 2;
    case ATYP_DOMAIN:
      return 4 + 1 + received[4]! + 2;
    default:
      // A failure reply may carry any address type; only its code matters then.
      if (received[1] !== 0) return received.length;
      throw new TunnelError(
        "proxy_failed",
        `The SOCKS proxy replied with unknown address type ${received[3]}.`,
      );
  }
}
