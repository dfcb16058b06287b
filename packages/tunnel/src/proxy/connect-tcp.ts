import { once } from "node:events";
import { connect, type Socket } from "node:net";
import { formatHostPort, type HostPort } from "../address.js";
import { describeError, TunnelError } from "../errors.js";
import { httpConnect } from "./http-connect.js";
import { socks5Connect } from "./socks5.js";

export interface Proxy {
  kind: "socks5" | "http";
  address: HostPort;
  /** `Proxy-Authorization` for an HTTP proxy whose URL carries a user name. */
  authorization?: string;
  /** The URL without credentials, for messages. */
  display: string;
}

/** `socks5://host:port` (also `socks5h://`, `socks://`) or `http://host:port`, as operators write them. */
export function parseProxyUrl(text: string): Proxy {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new TunnelError(
      "invalid_proxy",
      `"${text}" is not a proxy URL such as socks5://host:1080 or http://host:3128.`,
    );
  }
  const kind = ["socks5:", "socks5h:", "socks:"].includes(url.protocol)
    ? "socks5"
    : url.protocol === "http:"
      ? "http"
      : undefined;
  if (!kind)
    throw new TunnelError(
      "invalid_proxy",
      `Proxy scheme ${url.protocol} is not supported; use socks5:// or http://.`,
    );
  if (kind === "socks5" && (url.username || url.password))
    throw new TunnelError("invalid_proxy", "SOCKS proxies are supported without authentication only.");
  const host = url.hostname.replace(/^\[(.*)\]$/, "$1");
  const port = url.port ? Number(url.port) : kind === "socks5" ? 1080 : 80;
  const display = `${url.protocol}//${url.host}`;
  const proxy: Proxy = { kind, address: { host, port }, display };
  if (url.username) {
    const credentials = `${decodeURIComponent(url.username)}:${decodeURIComponent(url.password)}`;
    proxy.authorization = `Basic ${Buffer.from(credentials).toString("base64")}`;
  }
  return proxy;
}

export interface ConnectTcpOptions {
  proxy?: Proxy | undefined;
  /** For the TCP connect and the proxy's answer together. */
  timeoutMs: number;
  signal?: AbortSignal | undefined;
}

/** A TCP connection to `target`, directly or through a SOCKS v5 or HTTP CONNECT proxy. */
export async function connectTcp(target: HostPort, options: ConnectTcpOptions): Promise<Socket> {
  const first = options.proxy?.address ?? target;
  const socket = connect({ host: first.host, port: first.port, noDelay: true });
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    socket.destroy(new Error("timed out"));
  }, options.timeoutMs);
  const abort = () => socket.destroy(new Error("aborted"));
  options.signal?.addEventListener("abort", abort, { once: true });
  try {
    try {
      await once(socket, "connect");
    } catch (error) {
      const via = options.proxy ? `the proxy ${options.proxy.display}` : formatHostPort(target);
      throw new TunnelError("connect_failed", `Could not connect to ${via}: ${describeError(error)}`, {
        cause: error,
      });
    }
    if (options.proxy?.kind === "socks5")
      await socks5Connect(socket, target.host, target.port, options.proxy.display);
    else if (options.proxy?.kind === "http")
      await httpConnect(socket, target.host, target.port, options.proxy.display, options.proxy.authorization);
    return socket;
  } catch (error) {
    socket.destroy();
    if (timedOut)
      throw new TunnelError(
        "connect_timeout",
        `No connection to ${formatHostPort(target)} within ${options.timeoutMs} ms.`,
      );
    throw error;
  } finally {
    clearTimeout(timer);
    options.signal?.removeEventListener("abort", abort);
  }
}
