import { invalid } from "./errors.js";

export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 500;

/** A position in a keyset-ordered list: the sort value of the last row seen and its id. */
export interface Cursor {
  after: string | number | null;
  id: string;
}

export interface PageRequest {
  limit: number;
  cursor: Cursor | undefined;
}

export interface Page<T> {
  items: T[];
  /** Opaque; pass it back to get the next page. Absent on the last page. */
  nextCursor: string | undefined;
}

export function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify([cursor.after, cursor.id]), "utf8").toString("base64url");
}

export function decodeCursor(text: string): Cursor {
  const fail = () =>
    invalid("invalid_cursor", "The cursor is not one this server issued; start again without it.");
  if (text.length > 1024 || !/^[A-Za-z0-9_-]+$/.test(text)) throw fail();
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(text, "base64url").toString("utf8"));
  } catch {
    throw fail();
  }
  if (!Array.isArray(parsed) || parsed.length !== 2) throw fail();
  const [after, id] = parsed as unknown[];
  const afterOk = after === null || typeof after === "string" || typeof after === "number";
  if (!afterOk || typeof id !== "string" || id.length > 64) throw fail();
  return { after: after as Cursor["after"], id };
}

export function pageRequest(input: { limit?: number | undefined; cursor?: string | undefined }): PageRequest {
  const limit = input.limit ?? DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_PAGE_SIZE) {
    throw invalid("invalid_page_size", `limit must be a whole number from 1 to ${MAX_PAGE_SIZE}.`, [
      { field: "limit", message: `must be from 1 to ${MAX_PAGE_SIZE}` },
    ]);
  }
  return { limit, cursor: input.cursor ? decodeCursor(input.cursor) : undefined };
}

/**
 * Repositories fetch `limit + 1` rows; the extra row only tells whether another page exists.
 */
export function toPage<T>(rows: T[], limit: number, cursorOf: (row: T) => Cursor): Page<T> {
  if (rows.length <= limit) return { items: rows, nextCursor: undefined };
  const items = rows.slice(0, limit);
  return { items, nextCursor: encodeCursor(cursorOf(items[items.length - 1]!)) };
}
