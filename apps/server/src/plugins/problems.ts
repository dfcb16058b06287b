import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { isMeridianError, type ErrorKind, type FieldProblem } from "@meridian/core";

const STATUS: Record<ErrorKind, number> = {
  invalid: 422,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  rate_limited: 429,
  locked: 423,
  gone: 410,
  too_large: 413,
  unavailable: 503,
};

const TITLES: Record<number, string> = {
  400: "Bad request",
  401: "Not signed in",
  403: "Not allowed",
  404: "Not found",
  405: "Method not allowed",
  409: "Conflict",
  410: "Gone",
  413: "Request too large",
  415: "Unsupported media type",
  422: "Invalid request",
  423: "Locked",
  429: "Too many requests",
  500: "Internal error",
  503: "Unavailable",
};

interface ProblemBody {
  type: string;
  title: string;
  status: number;
  code: string;
  detail: string;
  instance: string;
  errors?: FieldProblem[];
}

export function sendProblem(
  request: FastifyRequest,
  reply: FastifyReply,
  status: number,
  code: string,
  detail: string,
  errors?: FieldProblem[],
): FastifyReply {
  const body: ProblemBody = {
    type: `urn:meridian:problem:${code}`,
    title: TITLES[status] ?? "Error",
    status,
    code,
    detail,
    instance: request.url.split("?")[0] ?? request.url,
    ...(errors && errors.length > 0 ? { errors } : {}),
  };
  return reply.status(status).type("application/problem+json; charset=utf-8").send(JSON.stringify(body));
}

function validationProblems(error: FastifyError): FieldProblem[] {
  return (error.validation ?? []).map((v) => {
    const base = v.instancePath ? v.instancePath.slice(1).replace(/\//g, ".") : "";
    const params = v.params as Record<string, unknown>;
    if (v.keyword === "additionalProperties") {
      const field = [base, String(params.additionalProperty)].filter(Boolean).join(".");
      return { field, message: "is not a field this request accepts" };
    }
    if (v.keyword === "required") {
      const field = [base, String(params.missingProperty)].filter(Boolean).join(".");
      return { field, message: "is required" };
    }
    return { field: base || (error.validationContext ?? "request"), message: v.message ?? "is not valid" };
  });
}

/** The one place where errors become HTTP responses: RFC 9457 problem details with a stable code. */
export function useProblemResponses(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (isMeridianError(error)) {
      if (error.retryAfterSeconds !== undefined) reply.header("retry-after", String(error.retryAfterSeconds));
      return sendProblem(request, reply, STATUS[error.kind], error.code, error.message, error.fields);
    }
    if (error.validation) {
      const errors = validationProblems(error);
      const where =
        error.validationContext === "body"
          ? "body"
          : error.validationContext === "querystring"
            ? "query string"
            : "path";
      const summary = errors.map((e) => `${e.field} ${e.message}`).join("; ");
      return sendProblem(
        request,
        reply,
        422,
        "validation_failed",
        `The request ${where} is not valid: ${summary}.`,
        errors,
      );
    }
    switch (error.code) {
      case "FST_ERR_CTP_INVALID_JSON_BODY":
      case "FST_ERR_CTP_EMPTY_JSON_BODY":
        return sendProblem(request, reply, 400, "malformed_json", "The request body is not valid JSON.");
      case "FST_ERR_CTP_BODY_TOO_LARGE":
        return sendProblem(
          request,
          reply,
          413,
          "body_too_large",
          "The request body is larger than this endpoint accepts.",
        );
      case "FST_ERR_CTP_INVALID_MEDIA_TYPE":
        return sendProblem(
          request,
          reply,
          415,
          "unsupported_media_type",
          "Send the body as application/json.",
        );
      case "FST_ERR_CTP_INVALID_CONTENT_LENGTH":
        return sendProblem(
          request,
          reply,
          400,
          "invalid_content_length",
          "The Content-Length header does not match the body.",
        );
    }
    if (error instanceof SyntaxError)
      return sendProblem(request, reply, 400, "malformed_json", "The request body is not valid JSON.");
    if (typeof error.statusCode === "number" && error.statusCode >= 400 && error.statusCode < 500) {
      return sendProblem(request, reply, error.statusCode, "bad_request", error.message);
    }
    request.log.error({ err: error }, "unhandled error");
    return sendProblem(
      request,
      reply,
      500,
      "internal_error",
      "Something went wrong on the server; it has been logged. Try again.",
    );
  });

  app.setNotFoundHandler((request, reply) =>
    sendProblem(
      request,
      reply,
      404,
      "route_not_found",
      `There is no ${request.method} ${request.url.split("?")[0]} here. See /api/v1/docs.`,
    ),
  );
}
