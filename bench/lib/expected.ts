import { decodeCursor, type DeviceRecord, type UserRecord } from "@meridian/core";

/**
 * What a list page must contain, worked out the slow and obvious way from the seeded records, so the
 * benchmark proves that the fast paths (index walks, probes, gathered matches) return the right rows.
 * Seeded text is ASCII, where JavaScript's string order is the databases' byte order.
 */

type Key = string | number;

const compare = (a: Key, b: Key): number => (a < b ? -1 : a > b ? 1 : 0);

function page<T extends { id: string }>(
  rows: T[],
  keyOf: (row: T) => Key,
  descending: boolean,
  params: URLSearchParams,
): { ids: string[]; more: boolean } {
  const sign = descending ? -1 : 1;
  const order = (a: T, b: T) => sign * (compare(keyOf(a), keyOf(b)) || compare(a.id, b.id));
  const cursorText = params.get("cursor");
  let candidates = rows;
  if (cursorText) {
    const cursor = decodeCursor(cursorText);
    const at = { key: cursor.after as Key, id: cursor.id };
    candidates = rows.filter((r) => sign * (compare(keyOf(r), at.key) || compare(r.id, at.id)) > 0);
  }
  const limit = Number(params.get("limit") ?? 50);
  const sorted = candidates.sort(order);
  return { ids: sorted.slice(0, limit).map((r) => r.id), more: sorted.length > limit };
}

const textOf = (params: URLSearchParams) => params.get("q")?.trim().toLowerCase() || undefined;

export function expectedPage(
  path: string,
  users: readonly UserRecord[],
  devices: readonly DeviceRecord[],
): { ids: string[]; more: boolean } {
  const url = new URL(path, "http://bench.invalid");
  const params = url.searchParams;
  const text = textOf(params);
  if (url.pathname === "/api/v1/users") {
    const source = params.get("source");
    const rows = users.filter(
      (u) => (!source || u.source === source) && (!text || u.searchText.includes(text)),
    );
    return page(rows, (u) => u.email, false, params);
  }
  if (url.pathname === "/api/v1/devices") {
    const [platform, state, ownership, owner, os] = [
      "platform",
      "state",
      "ownership",
      "owner",
      "osVersion",
    ].map((k) => params.get(k));
    const rows = devices.filter(
      (d) =>
        (!platform || d.platform === platform) &&
        (!state || d.state === state) &&
        (!ownership || d.ownership === ownership) &&
        (!owner || d.ownerUserId === owner) &&
        (!os ||
          d.osVersion === os ||
          (d.osVersion !== null && d.osVersion >= `${os}.` && d.osVersion < `${os}/`)) &&
        (!text || d.searchText.includes(text)),
    );
    const sort = (params.get("sort") ?? "name") as "name" | "lastSeenAt" | "enrolledAt";
    return page(rows, (d) => d[sort] ?? 0, params.get("order") === "desc", params);
  }
  throw new Error(`No expectation for ${url.pathname}`);
}

/** Undefined when the page is right; otherwise what differs, for the report. */
export function checkPage(
  path: string,
  body: { items: Array<{ id: string }>; nextCursor?: string },
  users: readonly UserRecord[],
  devices: readonly DeviceRecord[],
): string | undefined {
  const expected = expectedPage(path, users, devices);
  const got = body.items.map((i) => i.id);
  const sameItems = got.length === expected.ids.length && got.every((id, i) => id === expected.ids[i]);
  const sameMore = (body.nextCursor !== undefined) === expected.more;
  if (sameItems && sameMore) return undefined;
  const firstDiff = got.findIndex((id, i) => id !== expected.ids[i]);
  return `GET ${path}: got ${got.length} rows (next page: ${body.nextCursor !== undefined}), expected ${expected.ids.length} (next page: ${expected.more}); first difference at row ${firstDiff}`;
}
