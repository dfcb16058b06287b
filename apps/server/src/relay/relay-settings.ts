/**
 * How a server reaches its relay, as the relay operator's `register-server` printed it:
 * `meridian-relay://<server id>:<key>@<link host:port>?edge=<host:port>&host=<relay host>&ca=<sha-256>`.
 */
export interface RelaySettings {
  serverId: string;
  authenticationKey: string;
  /** The relay's link port, "host:port". */
  link: string;
  /** The relay's device edge, "host:port", where its own API is reached by name. */
  edge: string;
  /** The relay's host name (its certificates carry it). */
  host: string;
  /** SHA-256 of the relay's CA certificate. */
  caFingerprint: string;
  /** socks5://… or http://… for the outbound connections, when the site requires one. */
  proxy?: string | undefined;
}

export function formatRelayUrl(settings: Omit<RelaySettings, "proxy">): string {
  const query = new URLSearchParams({ edge: settings.edge, host: settings.host, ca: settings.caFingerprint });
  return `meridian-relay://${encodeURIComponent(settings.serverId)}:${encodeURIComponent(settings.authenticationKey)}@${settings.link}/?${query.toString()}`;
}

export function parseRelayUrl(text: string, proxy?: string): RelaySettings {
  const fail = (why: string) =>
    new Error(
      `MERIDIAN_RELAY is not a relay connection string (${why}); copy it as \`meridian relay register-server\` printed it.`,
    );
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw fail("not a URL");
  }
  if (url.protocol !== "meridian-relay:") throw fail("it must start with meridian-relay://");
  const edge = url.searchParams.get("edge");
  const host = url.searchParams.get("host");
  const ca = url.searchParams.get("ca")?.replace(/:/g, "").toLowerCase();
  if (!url.username || !url.password) throw fail("the server id and key are missing");
  if (!edge || !host) throw fail("edge and host are missing");
  if (!ca || !/^[0-9a-f]{64}$/.test(ca)) throw fail("ca must be the relay CA's SHA-256 fingerprint");
  return {
    serverId: decodeURIComponent(url.username),
    authenticationKey: decodeURIComponent(url.password),
    link: url.host,
    edge,
    host,
    caFingerprint: ca,
    proxy,
  };
}
