import type { ApiClient } from "./api-client.js";

/** A user as the management API returns it. */
export interface User {
  id: string;
  email: string;
  displayName: string;
  givenName: string | null;
  familyName: string | null;
  source: string;
  externalId: string | null;
  createdAt: number;
  updatedAt: number;
}

export interface UserPage {
  items: User[];
  nextCursor?: string;
}

/** The API's largest page. */
export const MAX_PAGE = 500;

/** Pages through GET /api/v1/users, following `nextCursor` until `max` users (all of them when undefined). */
export async function* listUsers(
  api: ApiClient,
  filter: { text?: string | undefined; max?: number | undefined },
): AsyncGenerator<UserPage> {
  let remaining = filter.max ?? Number.POSITIVE_INFINITY;
  let cursor: string | undefined;
  do {
    const page = await api.get<UserPage>("/api/v1/users", {
      q: filter.text,
      limit: Math.min(MAX_PAGE, remaining),
      cursor,
    });
    remaining -= page.items.length;
    yield page;
    cursor = page.nextCursor;
  } while (cursor && remaining > 0);
}

/** The user whose email is exactly `email`, ignoring case. */
export async function findUserByEmail(api: ApiClient, email: string): Promise<User | undefined> {
  const page = await api.get<UserPage>("/api/v1/users", { email: email.trim() });
  return page.items[0];
}
