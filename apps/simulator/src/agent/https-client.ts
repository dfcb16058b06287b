import { request, type Agent } from "node:https";
import { type AgentTrust, pinnedHttpsAgent } from "@meridian/tunnel";

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

/**
 * JSON over HTTPS to one endpoint with keep-alive, trusting the server by its CA (an activated
 * device) or by the CA fingerprint it was given (a device activating), and presenting the device's
 * certificate when it has one.
 */
export class DeviceHttpClient {
  private readonly agent: Agent;

  constructor(
    private readonly endpoint: Endpoint,
    trust: AgentTrust,
  ) {
    this.agent = pinnedHttpsAgent({ address: endpoint.edge, serverName: endpoint.serverName }, trust, {
      maxSockets: 2,
    });
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
