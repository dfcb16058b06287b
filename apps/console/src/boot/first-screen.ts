/**
 * What the first screen needs, asked for while the console's own code is still loading.
 *
 * The build inlines this file into index.html (vite-plugins/first-screen.ts), so that the page's
 * code chunk and its first API calls start with the document instead of after React has rendered;
 * the API client then takes the answers in flight instead of asking again. It must therefore stand
 * alone: no imports, and nothing that runs when it is merely imported.
 */

/** Where the signed-in session is kept (see api/session.ts). */
export const SESSION_KEY = "meridian.session";
/** Rows per device-list request: one screenful many times over, small enough to answer in a few milliseconds. */
export const DEVICE_PAGE = 200;
/** Device-list filters that go to the API as they are in the address. */
/** The device list's filters the server takes as they are; the list's own (the owner's address) add to these. */
export const DEVICE_FILTERS = [
  "platform",
  "osVersion",
  "state",
  "ownership",
  "compliance",
  "group",
  "q",
  "sort",
  "order",
] as const;
/** An answer nobody took by then is dropped: the page asked for something else. */
const KEEP_MS = 10_000;

interface InFlight {
  token: string;
  response: Promise<Response>;
}

/** Code chunks each page needs, by route pattern ("devices", "devices/*"); written in by the build. */
export type RouteAssets = Record<string, { scripts: string[]; styles: string[] }>;

const inFlight = (): Map<string, InFlight> => {
  const holder = globalThis as { meridianFirstScreen?: Map<string, InFlight> };
  return (holder.meridianFirstScreen ??= new Map());
};

/** The same request however its query's parameters are ordered. */
export function requestKey(url: URL): string {
  const params = [...url.searchParams].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `${url.pathname}?${new URLSearchParams(params).toString()}`;
}

/** The route pattern for a path below the console's base: "devices/5b0d…" is "devices/*". */
export function routeOf(path: string): string {
  const [first = "", second] = path.split("/").filter(Boolean);
  return second === undefined ? first : `${first}/*`;
}

/** The API calls the page at `path` makes first, when signed in. */
export function firstRequests(path: string, search: URLSearchParams): string[] {
  const requests = ["/api/v1/auth/me"];
  const route = routeOf(path);
  if (route === "" || route === "dashboard") requests.push("/api/v1/devices/summary");
  if (route === "groups" || route === "groups/*") requests.push("/api/v1/groups/tree");
  // The owner filter names a user by email: the list waits for that user's id, so it is not guessed.
  if (route === "devices" && !search.has("ownerEmail")) {
    const query = new URLSearchParams();
    for (const key of DEVICE_FILTERS) {
      const value = search.get(key);
      if (value) query.set(key, value);
    }
    query.set("limit", String(DEVICE_PAGE));
    requests.push(`/api/v1/devices?${query.toString()}`);
  }
  return requests;
}

/** Runs in index.html before the console's code: preloads the page's chunks and its first API answers. */
export function startFirstScreen(base: string, assets: RouteAssets): void {
  const path = location.pathname.startsWith(base) ? location.pathname.slice(base.length) : "";
  const page = assets[routeOf(path)];
  const link = (rel: string, href: string, as?: string) => {
    const element = document.createElement("link");
    element.rel = rel;
    element.href = base + href;
    element.crossOrigin = "";
    if (as) element.as = as;
    document.head.appendChild(element);
  };
  for (const script of page?.scripts ?? []) link("modulepreload", script);
  for (const style of page?.styles ?? []) link("preload", style, "style");

  let token: string | undefined;
  try {
    const session = JSON.parse(sessionStorage.getItem(SESSION_KEY) ?? "null") as {
      token?: string;
      expiresAt?: number;
    } | null;
    if (session?.token && (session.expiresAt ?? 0) > Date.now()) token = session.token;
  } catch {
    // No usable session: the sign-in page comes first and needs nothing from the API.
  }
  if (!token) return;
  const pending = inFlight();
  for (const request of firstRequests(path, new URLSearchParams(location.search))) {
    const url = new URL(request, location.origin);
    const key = requestKey(url);
    pending.set(key, { token, response: fetch(url, { headers: { authorization: `Bearer ${token}` } }) });
    setTimeout(() => pending.delete(key), KEEP_MS);
  }
}

/**
 * The answer already on its way for this request, taken once; undefined when there is none, or it
 * was asked for with another session.
 */
export function takeFirstScreenAnswer(request: Request): Promise<Response> | undefined {
  if (request.method !== "GET") return undefined;
  const pending = inFlight();
  const key = requestKey(new URL(request.url));
  const found = pending.get(key);
  if (!found) return undefined;
  pending.delete(key);
  if (request.headers.get("authorization") !== `Bearer ${found.token}`) return undefined;
  return found.response;
}
