import { once } from "node:events";
import { isIP } from "node:net";
import { connect as tlsConnect, type TLSSocket } from "node:tls";
import { formatHostPort, type HostPort } from "../address.js";
import { describeError, TunnelError } from "../errors.js";
import { connectTcp, type Proxy } from "../proxy/connect-tcp.js";
import { LINK_CIPHERS } from "./protocol.js";
import { trustConnectionOptions, verifyPinnedChain, type RelayTrust } from "./relay-trust.js";

export interface Credentials {
  key: string | Buffer;
  cert: string | Buffer;
}

export interface DialRelayOptions {
  relay: HostPort;
  /** The name the relay's certificate must carry; defaults to the host dialled. */
  serverName?: string | undefined;
  trust: RelayTrust;
  alpn: string;
  credentials?: Credentials | undefined;
  proxy?: Proxy | undefined;
  timeoutMs: number;
  signal?: AbortSignal | undefined;
}

/** OpenSSL's verification codes and Node's host name check, as opposed to network failures. */
const UNTRUSTED = /CERT|UNABLE_TO|SELF_SIGNED|ALTNAME|ERR_TLS_CERT/;

/** TCP (directly or through the proxy), then TLS 1.3 with the relay checked against the pinned CA. */
export async function dialRelay(options: DialRelayOptions): Promise<TLSSocket> {
  const started = performance.now();
  const target = formatHostPort(options.relay);
  const tcp = await connectTcp(options.relay, {
    proxy: options.proxy,
    timeoutMs: options.timeoutMs,
    signal: options.signal,
  });
  const hostName = options.serverName ?? options.relay.host;
  const socket = tlsConnect({
    socket: tcp,
    host: hostName,
    // RFC 6066 forbids IP addresses as server names; the certificate is then matched on its IP entries.
    ...(isIP(hostName) ? {} : { servername: hostName }),
    ALPNProtocols: [options.alpn],
    minVersion: "TLSv1.3",
    ciphers: LINK_CIPHERS,
    ...options.credentials,
    ...trustConnectionOptions(options.trust),
  });
  const remaining = Math.max(1, options.timeoutMs - (performance.now() - started));
  const timer = setTimeout(
    () => socket.destroy(new Error(`no TLS handshake within ${options.timeoutMs} ms`)),
    remaining,
  );
  const abort = () => socket.destroy(new Error("aborted"));
  options.signal?.addEventListener("abort", abort, { once: true });
  try {
    await once(socket, "secureConnect");
  } catch (error) {
    socket.destroy();
    const code = (error as { code?: string }).code ?? "";
    if (UNTRUSTED.test(code))
      throw new TunnelError(
        "relay_untrusted",
        `The relay at ${target} is not the one trusted: ${describeError(error)}`,
      );
    throw new TunnelError(
      "connect_failed",
      `TLS with the relay at ${target} failed: ${describeError(error)}`,
      {
        cause: error,
      },
    );
  } finally {
    clearTimeout(timer);
    options.signal?.removeEventListener("abort", abort);
  }
  if ("caFingerprint256" in options.trust) {
    const problem = verifyPinnedChain(socket, options.trust.caFingerprint256, hostName);
    if (problem) {
      socket.destroy();
      throw new TunnelError("relay_untrusted", `The relay at ${target} is not the one trusted: ${problem}.`);
    }
  }
  if (socket.alpnProtocol !== options.alpn) {
    socket.destroy();
    throw new TunnelError("connect_failed", `The relay at ${target} does not speak ${options.alpn}.`);
  }
  return socket;
}
