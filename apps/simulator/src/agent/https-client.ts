import { request, type Agent } from "node:https";
import { fetchPinnedCa, pinnedHttpsAgent } from "@meridian/tunnel";

/** Where a device's connections go: the relay's device edge, with the name that routes them. */
export interface Endpoint {
  /** "host:port" of the relay edge. */
  edge: string;
  /** The TLS server name (the relay's own name, or the server's device host). */
  serverName: string;
}

export class DeviceHttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = "DeviceHttpError";
  }
}

/** The CA a device's endpoint presents, accepted only with the pinned fingerprint. */
export function fetchEndpointCa(endpoint: Endpoint, fingerprint: string): Promise<string> {
  return fetchPinnedCa({ address: endpoint.edge, serverName: endpoint.serverName }, fingerprint);
}

export interface ClientIdentity {
  key: string;
  cert: string;
}

/** JSON over HTTPS to one endpoint, verifying the server against one CA, with keep-alive. */
export class DeviceHttpClient {
  private readonly agent: Agent;

  constructor(
    private readonly endpoint: Endpoint,
    private readonly ca: string,
    identity?: ClientIdentity,
  ) {
    this.agent = pinnedHttpsAgent(
      { address: endpoint.edge, serverName: endpoint.serverName },
      { ca, ...identity },
      { maxSockets: 2 },
    );
  }

  async call<T>(
    method: string,
    path: string,
    body?: unknown,
    options: { timeoutMs?: number } = {},
  ): Promise<{ status: number; body: T | undefined }> {
    const payload = body === undefined ? undefined : Buffer.from(JSON.stringify(body));
    return new Promise((resolve, reject) => {
      const req = request(
        {
          host: this.endpoint.serverName,
          method,
          path,
          servername: this.endpoint.serverName,
          agent: this.agent,
          timeout: options.timeoutMs ?? 30_000,
          headers: {
            host: this.endpoint.serverName,
            accept: "application/json",
            ...(payload ? { "content-type": "application/json", "content-length": payload.length } : {}),
          },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on("data", (chunk: Buffer) => chunks.push(chunk));
          res.on("error", reject);
          res.on("end", () => {
            const text = Buffer.concat(chunks).toString("utf8");
            const parsed = text ? (JSON.parse(text) as unknown) : undefined;
            const status = res.statusCode ?? 0;
            if (status >= 400) {
              const problem = parsed as { code?: string; detail?: string } | undefined;
              reject(
                new DeviceHttpError(
                  status,
                  problem?.code ?? `http_${status}`,
                  problem?.detail ?? `HTTP ${status}`,
                ),
              );
              return;
            }
            resolve({ status, body: parsed as T | undefined });
          });
        },
      );
      req.once("timeout", () => req.destroy(new Error(`${method} ${path} got no answer in time.`)));
      req.once("error", reject);
      req.end(payload);
    });
  }

  close(): void {
    this.agent.destroy();
  }
}
