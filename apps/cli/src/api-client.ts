/** The management API over HTTP, and the two ways a call can fail: the server said no, or was never reached. */

export interface FieldProblem {
  field: string;
  message: string;
}

/** An RFC 9457 problem response from the server. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly detail: string,
    readonly fieldErrors: FieldProblem[] = [],
    /** Seconds, from a Retry-After header. */
    readonly retryAfter?: number,
  ) {
    super(detail);
    this.name = "ApiError";
  }
}

/** No HTTP response at all: refused, reset, DNS, TLS. */
export class UnreachableError extends Error {
  constructor(
    readonly server: string,
    readonly reason: string,
    /** The system error code (ECONNRESET, ECONNREFUSED...), when there is one. */
    readonly errno: string | undefined,
    /** Set when the connection broke while reading a response whose status had already arrived. */
    readonly status?: number,
  ) {
    super(`cannot reach ${server}: ${reason}`);
    this.name = "UnreachableError";
  }
}

export type Query = Record<string, string | number | undefined>;

export interface ApiClient {
  readonly server: string;
  get<T>(path: string, query?: Query): Promise<T>;
  post<T>(path: string, body?: unknown): Promise<T>;
}

export function createApiClient(server: string, token?: string): ApiClient {
  const base = server.replace(/\/+$/, "");

  async function call<T>(method: string, path: string, body?: unknown, query?: Query): Promise<T> {
    const url = new URL(base + path);
    for (const [key, value] of Object.entries(query ?? {}))
      if (value !== undefined) url.searchParams.set(key, String(value));
    const headers: Record<string, string> = { accept: "application/json" };
    if (token) headers.authorization = `Bearer ${token}`;
    if (body !== undefined) headers["content-type"] = "application/json";
    let response: Response;
    try {
      response = await fetch(url, {
        method,
        headers,
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
    } catch (error) {
      throw unreachable(base, error);
    }
    const text = await readBody(base, response);
    if (!response.ok) throw problemFrom(response, text);
    if (text === "") return undefined as T;
    try {
      return JSON.parse(text) as T;
    } catch {
      throw new ApiError(
        response.status,
        "not_json",
        `${base} answered ${method} ${path} with something other than JSON; is it a Meridian server?`,
      );
    }
  }

  return {
    server: base,
    get: (path, query) => call("GET", path, undefined, query),
    post: (path, body) => call("POST", path, body),
  };
}

async function readBody(server: string, response: Response): Promise<string> {
  try {
    return await response.text();
  } catch (error) {
    throw unreachable(server, error, response.status);
  }
}

function unreachable(server: string, error: unknown, status?: number): UnreachableError {
  // fetch wraps the system error: TypeError("fetch failed", { cause: Error("connect ECONNREFUSED ...") }).
  const cause = error instanceof Error && error.cause instanceof Error ? error.cause : error;
  const errno = (cause as { code?: unknown }).code;
  const reason = cause instanceof Error ? cause.message : String(cause);
  return new UnreachableError(server, reason, typeof errno === "string" ? errno : undefined, status);
}

function problemFrom(response: Response, text: string): ApiError {
  const retryAfter = Number(response.headers.get("retry-after") ?? "");
  const retry = Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : undefined;
  try {
    const problem = JSON.parse(text) as { code?: unknown; detail?: unknown; errors?: unknown };
    if (typeof problem.detail === "string") {
      const errors = Array.isArray(problem.errors) ? (problem.errors as FieldProblem[]) : [];
      return new ApiError(
        response.status,
        typeof problem.code === "string" ? problem.code : `http_${response.status}`,
        problem.detail,
        errors,
        retry,
      );
    }
  } catch {
    // Not a problem document; fall through to the status line.
  }
  const detail = `the server answered ${response.status} ${response.statusText}`.trim();
  return new ApiError(response.status, `http_${response.status}`, detail, [], retry);
}

/** What to tell a person about an error: the server's own words, never a stack trace. */
export function describeError(error: unknown): string {
  if (error instanceof ApiError) {
    // Field errors are listed when the detail does not already say them.
    const unsaid = error.fieldErrors.filter((f) => !error.detail.includes(`${f.field} ${f.message}`));
    const lines = [error.detail, ...unsaid.map((f) => `  ${f.field}: ${f.message}`)];
    if (error.status === 401 && error.code !== "invalid_credentials")
      lines.push("Sign in with: meridian login --server URL --email EMAIL (or pass --token).");
    return lines.join("\n");
  }
  if (error instanceof Error) return error.message;
  return String(error);
}
