import { request, type Agent } from "node:https";

export interface ExchangeAnswer {
  status: number;
  headers: Record<string, string>;
  body: Buffer;
}

/**
 * One HTTPS request with a raw body, on an agent that already knows where to connect and whom to
 * trust (pinnedHttpsAgent). Apple's MDM messages are plists and CMS, not JSON, so DeviceHttpClient
 * does not fit; refusals are answers here, not errors, since each caller reads them differently.
 */
export function exchange(
  agent: Agent,
  serverName: string,
  method: string,
  path: string,
  headers: Record<string, string> = {},
  body?: Uint8Array | string,
  timeoutMs = 30_000,
): Promise<ExchangeAnswer> {
  const payload = body === undefined ? undefined : Buffer.from(body);
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: serverName,
        servername: serverName,
        method,
        path,
        agent,
        timeout: timeoutMs,
        headers: {
          host: serverName,
          ...headers,
          ...(payload ? { "content-length": String(payload.length) } : {}),
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (chunk: Buffer) => chunks.push(chunk));
        res.on("error", reject);
        res.on("end", () => {
          const answerHeaders: Record<string, string> = {};
          for (const [name, value] of Object.entries(res.headers))
            if (value !== undefined) answerHeaders[name] = Array.isArray(value) ? value.join(", ") : value;
          resolve({ status: res.statusCode ?? 0, headers: answerHeaders, body: Buffer.concat(chunks) });
        });
      },
    );
    req.once("timeout", () => req.destroy(new Error(`${method} ${path} got no answer in time.`)));
    req.once("error", reject);
    req.end(payload);
  });
}

/** A fetch for scepEnroll that goes through `agent`, whatever host the URL names. */
export function fetchThrough(agent: Agent, serverName: string) {
  return async (url: string, init: RequestInit = {}): Promise<Response> => {
    const target = new URL(url);
    const headers: Record<string, string> = {};
    new Headers(init.headers).forEach((value, name) => (headers[name] = value));
    const body = init.body;
    if (body !== undefined && body !== null && typeof body !== "string" && !(body instanceof Uint8Array))
      throw new Error("The simulated device sends only string or byte bodies.");
    const answer = await exchange(
      agent,
      serverName,
      init.method ?? "GET",
      target.pathname + target.search,
      headers,
      body ?? undefined,
    );
    return new Response(answer.status === 204 ? null : answer.body, {
      status: answer.status,
      headers: answer.headers,
    });
  };
}
