import { once } from "node:events";
import { Agent, type AgentOptions } from "node:https";
import type { Duplex } from "node:stream";
import { X509Certificate } from "node:crypto";
import { connect, type DetailedPeerCertificate, type TLSSocket } from "node:tls";
import { parseHostPort } from "./address.js";
import { TunnelError } from "./errors.js";
import { normalizeFingerprint, verifyPinnedChain } from "./link/relay-trust.js";
import { connectTcp, parseProxyUrl } from "./proxy/connect-tcp.js";

export interface PinnedTarget {
  /** "host:port" to dial. */
  address: string;
  /** The TLS server name to ask for and to check the certificate against. */
  serverName: string;
  /** socks5://… or http://…, when connections must go through a proxy. */
  proxy?: string | undefined;
  timeoutMs?: number;
}

async function dial(target: PinnedTarget, tlsOptions: Record<string, unknown>): Promise<TLSSocket> {
  const timeoutMs = target.timeoutMs ?? 15_000;
  const raw = await connectTcp(parseHostPort(target.address), {
    proxy: target.proxy ? parseProxyUrl(target.proxy) : undefined,
    timeoutMs,
  });
  const socket = connect({ socket: raw, servername: target.serverName, ...tlsOptions });
  const timer = setTimeout(
    () =>
      socket.destroy(
        new TunnelError("connect_timeout", `No TLS answer from ${target.address} within ${timeoutMs} ms.`),
      ),
    timeoutMs,
  );
  try {
    await once(socket, "secureConnect");
    return socket;
  } catch (error) {
    socket.destroy();
    throw error;
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Connects once to learn the CA certificate a server presents, and keeps it only if the chain leads
 * to the pinned SHA-256 fingerprint and names the server. Later connections verify against that CA
 * the ordinary way.
 */
export async function fetchPinnedCa(target: PinnedTarget, fingerprint256: string): Promise<string> {
  const socket = await dial(target, { rejectUnauthorized: false });
  try {
    const problem = verifyPinnedChain(socket, fingerprint256, target.serverName);
    if (problem) throw new TunnelError("untrusted_server", `${target.serverName}: ${problem}.`);
    const pin = normalizeFingerprint(fingerprint256);
    const seen = new Set<string>();
    for (
      let c: DetailedPeerCertificate | undefined = socket.getPeerCertificate(true);
      c?.raw && !seen.has(c.fingerprint256);
      c = c.issuerCertificate
    ) {
      seen.add(c.fingerprint256);
      const certificate = new X509Certificate(c.raw);
      if (normalizeFingerprint(certificate.fingerprint256) === pin) return certificate.toString();
    }
    throw new TunnelError("untrusted_server", `${target.serverName} did not present the pinned CA.`);
  } finally {
    socket.destroy();
  }
}

/** How an agent's connections recognise their server: by its CA, or by the CA's pinned fingerprint. */
export type AgentTrust = ({ ca: string } | { caFingerprint256: string }) & { key?: string; cert?: string };

/**
 * An HTTPS agent whose connections go to one address (through the proxy, if any) whatever the request
 * says, and may present a client certificate. With `ca`, each server is verified against it the
 * ordinary way; with `caFingerprint256`, each connection's chain must lead to the pinned CA and name
 * the server (checked after the handshake, before any request is written), so a device that only
 * knows the fingerprint needs no extra connection to fetch the CA first.
 */
export function pinnedHttpsAgent(target: PinnedTarget, trust: AgentTrust, options: AgentOptions = {}): Agent {
  const client = trust.key ? { key: trust.key, cert: trust.cert } : {};
  const agent = new Agent({
    keepAlive: true,
    ...options,
    ...("ca" in trust ? { ca: trust.ca } : {}),
    ...client,
  });
  const connect = async (): Promise<TLSSocket> => {
    if ("ca" in trust) return dial(target, { ca: trust.ca, rejectUnauthorized: true, ...client });
    const socket = await dial(target, { rejectUnauthorized: false, ...client });
    const problem = verifyPinnedChain(socket, trust.caFingerprint256, target.serverName);
    if (!problem) return socket;
    socket.destroy();
    throw new TunnelError("untrusted_server", `${target.serverName}: ${problem}.`);
  };
  // Node's agent calls createConnection with a callback for asynchronous sockets.
  (
    agent as unknown as {
      createConnection: (o: unknown, cb: (error: Error | null, socket?: Duplex) => void) => undefined;
    }
  ).createConnection = (_o, callback) => {
    connect().then(
      (socket) => callback(null, socket),
      (error: Error) => callback(error),
    );
    return undefined;
  };
  return agent;
}
