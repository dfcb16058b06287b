import createClient from "openapi-fetch";
import { describe, expect, it } from "vitest";
import type { paths } from "../api/schema";
import { deviceListQuery, filtersFromSearch } from "../pages/devices/device-filters";
import { firstRequests, requestKey, routeOf } from "./first-screen";

/** The URL the API client sends for a device-list query, as the page builds it. */
async function listUrl(search: string): Promise<URL> {
  let sent: URL | undefined;
  const client = createClient<paths>({
    baseUrl: "http://console.test",
    fetch: async (request) => {
      sent = new URL(request.url);
      return Response.json({ items: [] });
    },
  });
  const query = deviceListQuery(filtersFromSearch(new URLSearchParams(search)), undefined);
  await client.GET("/api/v1/devices", { params: { query } });
  return sent!;
}

describe("what index.html asks for before the console's code has loaded", () => {
  it("names routes as the console's router does", () => {
    expect(routeOf("")).toBe("");
    expect(routeOf("devices")).toBe("devices");
    expect(routeOf("devices/")).toBe("devices");
    expect(routeOf("devices/5b0d6a8e-1d1c-4f39-9d43-3f0b7c1e2a10")).toBe("devices/*");
    expect(routeOf("settings/relay")).toBe("settings/*");
  });

  it("asks for the device list's first page exactly as the page will, filters included", async () => {
    for (const search of ["", "?state=lost", "?q=ipad&platform=ios&sort=lastSeenAt&order=desc"]) {
      const planned = firstRequests("devices", new URLSearchParams(search));
      expect(planned[0]).toBe("/api/v1/auth/me");
      const preloaded = requestKey(new URL(planned[1]!, "http://console.test"));
      expect(preloaded, search).toBe(requestKey(await listUrl(search)));
    }
  });

  it("leaves the list to the page when it filters by owner, whose id it must look up first", () => {
    expect(firstRequests("devices", new URLSearchParams("ownerEmail=a@example.com"))).toEqual([
      "/api/v1/auth/me",
    ]);
  });

  it("asks for the dashboard's counts on the dashboard and on the console's front page", () => {
    expect(firstRequests("", new URLSearchParams())).toContain("/api/v1/devices/summary");
    expect(firstRequests("dashboard", new URLSearchParams())).toContain("/api/v1/devices/summary");
    expect(firstRequests("users", new URLSearchParams())).toEqual(["/api/v1/auth/me"]);
    expect(firstRequests("groups/5b0d6a8e", new URLSearchParams())).toContain("/api/v1/groups/tree");
  });
});
