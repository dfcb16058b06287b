import { constants, createServer, type ServerHttp2Session, type ServerHttp2Stream } from "node:http2";
import type { TLSSocket } from "node:tls";
import { describeError } from "../errors.js";
import {
  ENROLMENT_LIMITS,
  type EnrolmentDecision,
  type EnrolmentHandler,
  type EnrolmentReport,
  type EnrolmentRequest,
} from "./enrolment.js";
import { ENROL_PATH } from "./protocol.js";

export type { EnrolmentHandler, EnrolmentReport } from "./enrolment.js";

const MAX_BODY_BYTES = 64 * 1024;

/**
 * Relay side: serves exactly one enrolment request on an accepted TLS connection (HTTP/2, normal roles),
 * then closes it. Nothing else is possible on such a connection: it never becomes a link.
 */
export function serveEnrolment(
  socket: TLSSocket,
  handler: EnrolmentHandler | undefined,
  timeoutMs: number,
  report: (report: EnrolmentReport) => void,
): void {
  const remoteAddress = socket.remoteAddress ?? "unknown";
  const h2 = createServer({ settings: { maxConcurrentStreams: 1, enablePush: false }, maxSessionMemory: 1 });
  let session: ServerHttp2Session | undefined;
  h2.once("session", (s) => (session = s));
  h2.emit("connection", socket);
  if (!session) {
    socket.destroy();
    return;
  }
  const enrolment = session;
  const timer = setTimeout(() => enrolment.destroy(), timeoutMs);
  enrolment.on("error", () => {});
  enrolment.once("close", () => {
    clearTimeout(timer);
    socket.destroy();
  });
  let served = false;
  enrolment.on("stream", (stream, headers) => {
    stream.on("error", () => {});
    if (served) {
      stream.close(constants.NGHTTP2_REFUSED_STREAM);
      return;
    }
    served = true;
    const answer = (status: number, body: object, outcome: EnrolmentReport) => {
      report(outcome);
      stream.respond({ [constants.HTTP2_HEADER_STATUS]: status, "content-type": "application/json" });
      stream.end(JSON.stringify(body), () => enrolment.close());
    };
    const invalid = (message: string) =>
      answer(
        400,
        { code: "invalid_enrolment", message },
        { remoteAddress, serverId: undefined, outcome: "invalid", message },
      );
    if (
      headers[constants.HTTP2_HEADER_METHOD] !== "POST" ||
      headers[constants.HTTP2_HEADER_PATH] !== ENROL_PATH
    ) {
      invalid(`Only POST ${ENROL_PATH} is served before enrolment.`);
      return;
    }
    void readJson(stream).then(async (body) => {
      if (body === undefined) return invalid(`The body must be JSON of at most ${MAX_BODY_BYTES} bytes.`);
      const request = validRequest(body);
      if (typeof request === "string") return invalid(request);
      const { serverId } = request;
      if (!handler) {
        const message = "This relay does not enrol servers.";
        return answer(
          404,
          { code: "enrolment_disabled", message },
          { remoteAddress, serverId, outcome: "refused", message },
        );
      }
      let decision: EnrolmentDecision;
      try {
        decision = await handler(request, { remoteAddress });
      } catch (error) {
        const message = describeError(error);
        return answer(
          500,
          { code: "enrolment_failed", message: "The relay could not complete the enrolment." },
          { remoteAddress, serverId, outcome: "failed", message },
        );
      }
      if ("refused" in decision) {
        const message = decision.refused;
        return answer(
          403,
          { code: "enrolment_refused", message },
          { remoteAddress, serverId, outcome: "refused", message },
        );
      }
      answer(
        200,
        { certificate: decision.certificate },
        { remoteAddress, serverId, outcome: "issued", message: undefined },
      );
    });
  });
}

async function readJson(stream: ServerHttp2Stream): Promise<unknown> {
  const chunks: Buffer[] = [];
  let length = 0;
  try {
    for await (const chunk of stream) {
      length += (chunk as Buffer).length;
      if (length > MAX_BODY_BYTES) return undefined;
      chunks.push(chunk as Buffer);
    }
    return JSON.parse(Buffer.concat(chunks).toString("utf8")) as unknown;
  } catch {
    return undefined;
  }
}

function validRequest(body: unknown): EnrolmentRequest | string {
  if (typeof body !== "object" || body === null) return "The body must be a JSON object.";
  const fields = body as Record<string, unknown>;
  for (const [name, max] of Object.entries(ENROLMENT_LIMITS)) {
    const value = fields[name];
    if (typeof value !== "string" || value.length === 0 || value.length > max)
      return `${name} must be a non-empty string of at most ${max} characters.`;
  }
  return {
    serverId: fields.serverId as string,
    authenticationKey: fields.authenticationKey as string,
    certificateSigningRequest: fields.certificateSigningRequest as string,
  };
}
