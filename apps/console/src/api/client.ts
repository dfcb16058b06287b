import createClient from "openapi-fetch";
import { takeFirstScreenAnswer } from "../boot/first-screen";
import { ApiError, type Problem } from "./problem";
import type { paths } from "./schema";
import { currentSession, endSession } from "./session";

/** The management API, typed from its OpenAPI document (src/api/schema.d.ts). */
export const api = createClient<paths>({
  baseUrl: globalThis.location?.origin ?? "",
  // The first screen's answers may already be on their way, asked for by index.html.
  fetch: (request) => takeFirstScreenAnswer(request)?.catch(() => fetch(request)) ?? fetch(request),
});

api.use({
  onRequest({ request }) {
    const session = currentSession();
    if (session) request.headers.set("authorization", `Bearer ${session.token}`);
    return request;
  },
  onResponse({ request, response }) {
    // A session that expired, was ended elsewhere or lost its account: back to sign-in, saying why.
    if (response.status === 401 && request.headers.has("authorization"))
      endSession("Your session has ended. Sign in again to continue.");
    return response;
  },
});

/** The data of a successful answer; otherwise throws an ApiError carrying the problem details. */
export async function unwrap<T>(
  call: Promise<{ data?: T; error?: unknown; response: Response }>,
): Promise<T> {
  const { data, error, response } = await call;
  if (!response.ok) throw new ApiError(response.status, (error ?? undefined) as Problem | undefined);
  return data as T;
}
