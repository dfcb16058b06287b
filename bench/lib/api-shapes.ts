import { encodeCursor, type DeviceRecord, type UserRecord } from "@meridian/core";
import { seededRandom } from "./dataset.js";

/** One kind of request the console makes, repeated with varying arguments. */
export interface QueryShape {
  name: string;
  /** The next request's path; called once per sample, in order. */
  next(): string;
  /** Shapes that walk pages read the cursor of the page they just got. */
  saw?(body: { items: unknown[]; nextCursor?: string }): void;
}

const PAGE = 50;

/** Starts at a random depth and follows nextCursor for `pagesPerWalk` pages, then starts again elsewhere. */
function walk(name: string, base: string, starts: () => string, pagesPerWalk = 10): QueryShape {
  let cursor: string | undefined;
  let left = 0;
  return {
    name,
    next() {
      if (!cursor || left === 0) {
        cursor = starts();
        left = pagesPerWalk;
      }
      left -= 1;
      return `${base}${base.includes("?") ? "&" : "?"}limit=${PAGE}&cursor=${cursor}`;
    },
    saw(body) {
      cursor = body.nextCursor;
    },
  };
}

const fixed = (name: string, path: string): QueryShape => ({ name, next: () => path });
const varying = (name: string, path: () => string): QueryShape => ({ name, next: path });
const q = (text: string) => encodeURIComponent(text);

/**
 * The shapes measured against the users and devices lists. Terms are picked from the seeded data so
 * that "rare" really matches a handful of rows and "common" tens of thousands.
 */
export function apiShapes(
  users: readonly UserRecord[],
  devices: readonly DeviceRecord[],
  seed = 7,
): QueryShape[] {
  const random = seededRandom(seed);
  const any = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  // Start deep walks between 10% and 95% of the way down the list, so they are genuinely deep.
  const deep =
    <T>(sorted: readonly T[], cursorOf: (row: T) => string) =>
    () =>
      cursorOf(sorted[Math.floor(sorted.length * (0.1 + random() * 0.85))]!);
  const byEmail = [...users].sort((a, b) => (a.email < b.email ? -1 : a.email > b.email ? 1 : 0));
  const byName = [...devices].sort((a, b) =>
    a.name < b.name ? -1 : a.name > b.name ? 1 : a.id < b.id ? -1 : 1,
  );
  const owners = devices.filter((d) => d.ownerUserId !== null).map((d) => d.ownerUserId!);
  const withSerial = devices.filter((d) => d.serialNumber !== null);
  const androidWithSerial = withSerial.filter((d) => d.platform === "android");
  const contoso = byEmail.filter((u) => u.email.includes("contoso.com"));
  const userCursor = (u: UserRecord) => encodeCursor({ after: u.email, id: u.id });

  return [
    fixed("users: first page", `/api/v1/users?limit=${PAGE}`),
    walk("users: deep pages (cursor)", "/api/v1/users", deep(byEmail, userCursor)),
    fixed("users: q=contoso.com (~57%)", `/api/v1/users?limit=${PAGE}&q=contoso.com`),
    walk("users: q=contoso.com, next pages", "/api/v1/users?q=contoso.com", deep(contoso, userCursor)),
    fixed("users: q=james (frequent name)", `/api/v1/users?limit=${PAGE}&q=james`),
    fixed("users: q=maria.garcia", `/api/v1/users?limit=${PAGE}&q=maria.garcia`),
    varying(
      "users: q=<exact email local part>",
      () => `/api/v1/users?limit=${PAGE}&q=${q(any(users).email.split("@")[0]!)}`,
    ),
    fixed("users: q=li (2 chars, common)", `/api/v1/users?limit=${PAGE}&q=li`),
    fixed("users: q=zq (2 chars, no match)", `/api/v1/users?limit=${PAGE}&q=zq`),
    fixed("users: source=ldap", `/api/v1/users?limit=${PAGE}&source=ldap`),

    fixed("devices: first page", `/api/v1/devices?limit=${PAGE}`),
    walk(
      "devices: deep pages (cursor)",
      "/api/v1/devices",
      deep(byName, (d) => encodeCursor({ after: d.name, id: d.id })),
    ),
    fixed("devices: platform=android", `/api/v1/devices?limit=${PAGE}&platform=android`),
    fixed("devices: state=inactive", `/api/v1/devices?limit=${PAGE}&state=inactive`),
    fixed("devices: state=lost (~1%)", `/api/v1/devices?limit=${PAGE}&state=lost`),
    fixed("devices: osVersion=17 (prefix)", `/api/v1/devices?limit=${PAGE}&osVersion=17`),
    fixed("devices: osVersion=10.0.22631", `/api/v1/devices?limit=${PAGE}&osVersion=10.0.22631`),
    fixed("devices: osVersion=12 (rare)", `/api/v1/devices?limit=${PAGE}&osVersion=12`),
    varying("devices: owner=<user>", () => `/api/v1/devices?limit=${PAGE}&owner=${any(owners)}`),
    varying(
      "devices: owner=<user>, by lastSeenAt desc",
      () => `/api/v1/devices?limit=${PAGE}&owner=${any(owners)}&sort=lastSeenAt&order=desc`,
    ),
    varying("devices: q=<serial fragment>", () => {
      const serial = any(withSerial).serialNumber!;
      return `/api/v1/devices?limit=${PAGE}&q=${q(serial.slice(1, 7))}`;
    }),
    fixed("devices: q=galaxy (common)", `/api/v1/devices?limit=${PAGE}&q=galaxy`),
    fixed("devices: q=pr (2 chars)", `/api/v1/devices?limit=${PAGE}&q=pr`),
    fixed("devices: sort=lastSeenAt desc", `/api/v1/devices?limit=${PAGE}&sort=lastSeenAt&order=desc`),
    walk("devices: lastSeenAt desc, next pages", "/api/v1/devices?sort=lastSeenAt&order=desc", () => {
      const d = any(devices);
      return encodeCursor({ after: d.lastSeenAt, id: d.id });
    }),
    fixed(
      "devices: state=inactive, by lastSeenAt desc",
      `/api/v1/devices?limit=${PAGE}&state=inactive&sort=lastSeenAt&order=desc`,
    ),
    fixed("devices: ios+active+q=iphone", `/api/v1/devices?limit=${PAGE}&platform=ios&state=active&q=iphone`),
    fixed(
      "devices: windows+10.0.22631+q=latitude, by lastSeenAt",
      `/api/v1/devices?limit=${PAGE}&platform=windows&osVersion=10.0.22631&q=latitude&sort=lastSeenAt&order=desc`,
    ),
    varying("devices: android+q=<serial fragment>", () => {
      const d = any(androidWithSerial);
      return `/api/v1/devices?limit=${PAGE}&platform=android&q=${q(d.serialNumber!.slice(2, 8))}`;
    }),
  ];
}
