import { Agent as HttpAgent, request as httpRequest } from "node:http";
import { Agent as HttpsAgent, request as httpsRequest } from "node:https";
import { PushError } from "../errors.js";

export interface HttpResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

export interface HttpTransport {
  request(
    url: URL,
    init: { method: string; headers: Record<string, string | number>; body?: string | Buffer },
  ): Promise<HttpResponse>;
  close(): void;
}

export interface HttpTransportOptions {
  /** Extra trust anchors (PEM), for a local emulator's self-signed certificate. */
  ca?: string | string[];
  timeoutMs?: number;
  maxSockets?: number;
}

const MAX_RESPONSE_BYTES = 1 << 20;

/**
 * HTTP/1.1 with keep-alive, for FCM and WNS: a pool of warm connections per origin is what these
 * services expect, and node:http lets us pass an emulator's CA, which global fetch cannot without undici.
 */
export function createHttpTransport(options: HttpTransportOptions = {}): HttpTransport {
  const timeoutMs = options.timeoutMs ?? 15_000;
  const agentOptions = { keepAlive: true, maxSockets: options.maxSockets ?? 64 };
  const http = new HttpAgent(agentOptions);
  const https = new HttpsAgent({ ...agentOptions, ...(options.ca ? { ca: options.ca } : {}) });
  return {
    request(url, init) {
      const secure = url.protocol === "https:";
      const send = secure ? httpsRequest : httpRequest;
      return new Promise<HttpResponse>((resolve, reject) => {
        const req = send(url, { method: init.method, headers: init.headers, agent: secure ? https : http });
        req.setTimeout(timeoutMs, () =>
          req.destroy(new PushError("timeout", `${url.origin} did not answer within ${timeoutMs} ms.`)),
        );
        req.on("error", (cause) =>
          reject(
            cause instanceof PushError
              ? cause
              : new PushError("connection_failed", `Could not reach ${url.origin}: ${cause.message}`, {
                  cause,
                }),
          ),
        );
        req.on("response", (res) => {
          const chunks: Buffer[] = [];
          let size = 0;
          res.on("data", (chunk: Buffer) => {
            size += chunk.length;
            if (size > MAX_RESPONSE_BYTES) {
              req.destroy(new PushError("unexpected_response", `${url.origin} sent an oversized response.`));
              return;
            }
            chunks.push(chunk);
          });
          res.on("end", () =>
            resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }),
          );
          res.on("error", reject);
        });
        req.end(init.body);
      });
    },
    close() {
      http.destroy();
      https.destroy();
    },
  };
}

/** The body as JSON, or undefined when it is not JSON (a proxy's HTML error page, say). */
export function jsonBody(response: HttpResponse): unknown {
  try {
    return JSON.parse(response.body.toString("utf8"));
  } catch {
    return undefined;
  }
}

export function header(response: HttpResponse, name: string): string | undefined {
  const value = response.headers[name.toLowerCase()];
  return Array.isArray(value) ? value[0] : value;
}
