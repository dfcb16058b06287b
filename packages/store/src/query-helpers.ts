import { sql, type Expression, type SqlBool } from "kysely";
import { invalid, toPage, type Cursor, type Page, type PageRequest } from "@meridian/core";

export type Dialect = "sqlite" | "postgres";

export const flag = (value: boolean): number => (value ? 1 : 0);
export const isSet = (value: number | null | undefined): boolean => value === 1;

/**
 * Keyset paging on (sort column, id): each page continues strictly after the last row of the one
 * before, so a page costs the same at row 50 and at row 99,950, and rows inserted meanwhile do not
 * shift the pages.
 */
export function keysetAfter(
  column: string,
  idColumn: string,
  descending: boolean,
  cursor: Cursor,
  kind: "text" | "number",
): Expression<SqlBool> {
  const typeOk = kind === "number" ? typeof cursor.after === "number" : typeof cursor.after === "string";
  if (!typeOk)
    throw invalid(
      "invalid_cursor",
      "The cursor belongs to a list sorted another way; start again without it.",
    );
  const op = descending ? "<" : ">";
  return sql<SqlBool>`(${sql.ref(column)}, ${sql.ref(idColumn)}) ${sql.raw(op)} (${cursor.after}, ${cursor.id})`;
}

export function pageOf<T>(rows: T[], page: PageRequest, cursorOf: (row: T) => Cursor): Page<T> {
  return toPage(rows, page.limit, cursorOf);
}

export function likeContains(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

export function parseJson<T>(text: string | null): T | null {
  return text === null ? null : (JSON.parse(text) as T);
}
