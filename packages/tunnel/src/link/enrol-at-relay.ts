import { once } from "node:events";
import { connect, constants } from "node:http2";
import { parseHostPort } from "../address.js";
import { describeError, TunnelError } from "../errors.js";
import { parseProxyUrl } from "../proxy/connect-tcp.js";
import { dialRelay } from "./dial-relay.js";
import type { EnrolmentRequest } from "./enrolment.js";
import { DEFAULT_LINK_PORT, ENROL_ALPN, ENROL_PATH, LINK_AUTHORITY } from "./protocol.js";
import type { RelayTrust } from "./relay-trust.js";

const MAX_ANSWER_BYTES = 256 * 1024;

export interface EnrolAtRelayOptions {
  relay: string;
  trust: RelayTrust;
  serverName?: string;
  proxy?: string;
  timeoutMs?: number;
  request: EnrolmentRequest;
}

/**
 * Server side: exchanges the registration for a client certificate (PEM). Throws TunnelError
 * "enrolment_refused" with the relay's reason when the relay says no, "enrolment_failed" otherwise.
 */
export async function enrolAtRelay(options: EnrolAtRelayOptions): Promise<{ certificate: string }> {
  const timeoutMs = options.timeoutMs ?? 15_000;
  const socket = await dialRelay({
    relay: parseHostPort(options.relay, DEFAULT_LINK_PORT),
    serverName: options.serverName,
    trust: options.trust,
    alpn: ENROL_ALPN,
    proxy: options.proxy ? parseProxyUrl(options.proxy) : undefined,
    timeoutMs,
  });
  const session = connect(LINK_AUTHORITY, { createConnection: () => socket });
  session.on("error", () => {});
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    session.destroy();
  }, timeoutMs);
  try {
    const request = session.request({
      [constants.HTTP2_HEADER_METHOD]: "POST",
      [constants.HTTP2_HEADER_PATH]: ENROL_PATH,
      "content-type": "application/json",
    });
    request.end(JSON.stringify(options.request));
    const [headers] = (await once(request, "response")) as [Record<string, unknown>];
    const chunks: Buffer[] = [];
    let length = 0;
    for await (const chunk of request) {
      length += (chunk as Buffer).length;
      if (length > MAX_ANSWER_BYTES) throw new Error("the relay's answer is too long");
      chunks.push(chunk as Buffer);
    }
    const status = Number(headers[constants.HTTP2_HEADER_STATUS]);
    let body: { certificate?: unknown; message?: unknown } = {};
    try {
      body = JSON.parse(Buffer.concat(chunks).toString("utf8")) as typeof body;
    } catch {
      // Reported below by status.
    }
    if (status === 200 && typeof body.certificate === "string") return { certificate: body.certificate };
    const message = typeof body.message === "string" ? body.message : `HTTP status ${status}`;
    if (status === 403)
      throw new TunnelError("enrolment_refused", `The relay refused the enrolment: ${message}`);
    throw new TunnelError("enrolment_failed", `The relay could not enrol this server: ${message}`);
  } catch (error) {
    if (error instanceof TunnelError) throw error;
    const why = timedOut ? `no answer within ${timeoutMs} ms` : describeError(error);
    throw new TunnelError("enrolment_failed", `Enrolment at ${options.relay} failed: ${why}`, {
      cause: error,
    });
  } finally {
    clearTimeout(timer);
    session.close();
  }
}
