import type { X509Certificate } from "node:crypto";
import type { EventEmitter } from "node:events";
import { LinkClient, type LinkClientOptions } from "../link/link-client.js";
import { LinkHub, type LinkHubOptions } from "../link/link-hub.js";
import { TestCa, type Credentials } from "./test-ca.js";

/** The host name devices use for the test organisation's server. */
export const DEVICE_HOST = "acme.relay.test";

export interface TunnelPki {
  /** Issues the relay's link certificate; servers pin it. */
  relayCa: TestCa;
  /** Issues servers' link client certificates; the hub trusts it. */
  linkCa: TestCa;
  /** The organisation's own CA, which the relay knows nothing of. */
  deviceCa: TestCa;
  /** The relay's link certificate, with the relay CA in the chain. */
  relay: Credentials;
  /** The certificate the server shows devices (terminated on the server, never on the relay). */
  deviceServer: Credentials;
  linkClient(serverId: string): Credentials;
}

export function createTunnelPki(): TunnelPki {
  const relayCa = TestCa.create("Meridian Test Relay CA");
  const linkCa = TestCa.create("Meridian Test Link CA");
  const deviceCa = TestCa.create("Acme Device CA");
  const relayLeaf = relayCa.issue({
    commonName: "relay.test",
    usage: "server",
    dnsNames: ["relay.test"],
    ipAddresses: ["127.0.0.1"],
  });
  return {
    relayCa,
    linkCa,
    deviceCa,
    relay: { key: relayLeaf.key, cert: relayLeaf.cert + relayCa.cert },
    deviceServer: deviceCa.issue({ commonName: DEVICE_HOST, usage: "server", dnsNames: [DEVICE_HOST] }),
    linkClient: (serverId) => linkCa.issue({ commonName: serverId, usage: "client" }),
  };
}

export const commonName = (certificate: X509Certificate) => /^CN=(.*)$/m.exec(certificate.subject)?.[1] ?? "";

/** Heartbeats and backoff short enough for tests to watch them work. */
export const FAST_HEARTBEAT = { intervalMs: 100, timeoutMs: 300 };
export const FAST_BACKOFF = { baseMs: 20, capMs: 400, resetAfterMs: 0 };

export async function startHub(
  pki: TunnelPki,
  options: Partial<LinkHubOptions> = {},
  port = 0,
): Promise<{ hub: LinkHub; port: number }> {
  const hub = new LinkHub({
    key: pki.relay.key,
    cert: pki.relay.cert,
    clientCa: pki.linkCa.cert,
    authorize: ({ certificate }) => ({ serverId: commonName(certificate) }),
    heartbeat: FAST_HEARTBEAT,
    ...options,
  });
  const address = await hub.listen(port, "127.0.0.1");
  return { hub, port: address.port };
}

export function startLinkClient(
  pki: TunnelPki,
  relayPorts: number[],
  options: Partial<LinkClientOptions> = {},
) {
  return new LinkClient({
    relays: relayPorts.map((port) => `127.0.0.1:${port}`),
    trust: { ca: pki.relayCa.cert },
    credentials: pki.linkClient("server-1"),
    onStream: (stream) => stream.destroy(),
    heartbeat: FAST_HEARTBEAT,
    backoff: FAST_BACKOFF,
    connectTimeoutMs: 3_000,
    ...options,
  }).start();
}

/** The next `event` whose payload satisfies `accept`; rejects after `timeoutMs`. */
export function nextEvent<T>(
  emitter: EventEmitter,
  event: string,
  accept: (payload: T) => boolean = () => true,
  timeoutMs = 5_000,
): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      emitter.off(event, listener);
      reject(new Error(`No "${event}" event within ${timeoutMs} ms.`));
    }, timeoutMs);
    const listener = (payload: T) => {
      if (!accept(payload)) return;
      clearTimeout(timer);
      emitter.off(event, listener);
      resolve(payload);
    };
    emitter.on(event, listener);
  });
}

/** Collects every payload of `event` into an array, for assertions after the fact. */
export function record<T>(emitter: EventEmitter, event: string): T[] {
  const seen: T[] = [];
  emitter.on(event, (payload: T) => seen.push(payload));
  return seen;
}
