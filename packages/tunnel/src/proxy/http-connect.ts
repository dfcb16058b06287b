import { isIP, type Socket } from "node:net";
import { TunnelError } from "../errors.js";
import { readReply } from "./read-reply.js";

const HEADER_END = Buffer.from("\r\n\r\n");

/** Asks an HTTP proxy to open a tunnel to host:port with CONNECT (RFC 9110 §9.3.6). */
export async function httpConnect(
  socket: Socket,
  host: string,
  port: number,
  proxy: string,
  authorization?: string,
): Promise<void> {
  const target = `${isIP(host) === 6 ? `[${host}]` : host}:${port}`;
  const lines = [`CONNECT ${target} HTTP/1.1`, `Host: ${target}`];
  if (authorization) lines.push(`Proxy-Authorization: ${authorization}`);
  socket.write(lines.join("\r\n") + "\r\n\r\n");
  const reply = await readReply(
    socket,
    (received) => {
      const end = received.indexOf(HEADER_END);
      return end === -1 ? undefined : end + HEADER_END.length;
    },
    { maxBytes: 16_384, proxy },
  );
  const statusLine = reply.subarray(0, reply.indexOf("\r\n")).toString("latin1");
  const match = /^HTTP\/1\.[01] (\d{3})(?: (.*))?$/.exec(statusLine);
  if (!match) throw new TunnelError("proxy_failed", `${proxy} did not answer CONNECT with HTTP.`);
  const status = Number(match[1]);
  if (status < 200 || status > 299)
    throw new TunnelError(
      "proxy_failed",
      `${proxy} refused to connect to ${target}: ${status} ${match[2] ?? ""}`.trim(),
    );
}
