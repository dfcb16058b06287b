import {
  sql,
  type Expression,
  type Kysely,
  type RawBuilder,
  type SelectQueryBuilder,
  type SqlBool,
} from "kysely";
import { invalid, type Cursor } from "@meridian/core";
import { keysetAfter, likeContains, type Dialect } from "./query-helpers.js";
import type { Database } from "./schema.js";

/** How a list is sorted: a column, then the id to break ties, both one way. */
export interface ListOrder {
  column: string;
  idColumn: string;
  descending: boolean;
  kind: "text" | "number";
  /** The column alone tells rows apart (a user's email within a tenant), so ties need no id and its index serves alone. */
  unique?: boolean;
}

function comparison(order: ListOrder, op: "<" | ">" | "<=" | ">=", cursor: Cursor): Expression<SqlBool> {
  if (!order.unique)
    return sql<SqlBool>`(${sql.ref(order.column)}, ${sql.ref(order.idColumn)}) ${sql.raw(op)} (${cursor.after}, ${cursor.id})`;
  return sql<SqlBool>`${sql.ref(order.column)} ${sql.raw(op)} ${cursor.after}`;
}

/** Rows strictly after the cursor in list order. */
export function afterCursor(order: ListOrder, cursor: Cursor): Expression<SqlBool> {
  if (!order.unique) return keysetAfter(order.column, order.idColumn, order.descending, cursor, order.kind);
  const typeOk =
    order.kind === "number" ? typeof cursor.after === "number" : typeof cursor.after === "string";
  if (!typeOk)
    throw invalid(
      "invalid_cursor",
      "The cursor belongs to a list sorted another way; start again without it.",
    );
  return comparison(order, order.descending ? "<" : ">", cursor);
}

/** Rows up to and including `edge` in list order. */
function upTo(order: ListOrder, edge: Cursor): Expression<SqlBool> {
  return comparison(order, order.descending ? ">=" : "<=", edge);
}

/**
 * Orders a query by the list's order. `sortMatches` asks SQLite to find the matching rows through the
 * filters' indexes and sort them, instead of walking the sort column's index (which, without
 * statistics, its planner prefers whenever an index supplies the order): SQLite's unary + keeps the
 * value and hides the column from the planner.
 */
function ordered<TB extends keyof Database, O>(
  q: SelectQueryBuilder<Database, TB, O>,
  order: ListOrder,
  dialect: Dialect,
  sortMatches = false,
): SelectQueryBuilder<Database, TB, O> {
  const direction = order.descending ? "desc" : "asc";
  const key = (column: string) =>
    sortMatches && dialect === "sqlite" ? sql`+${sql.ref(column)}` : sql.ref(column);
  const byColumn = q.orderBy(key(order.column), direction);
  return order.unique ? byColumn : byColumn.orderBy(key(order.idColumn), direction);
}

/** A filtered list reads at most this many rows in order per row it wants before it turns to the filters' indexes. */
const WALK_ROWS_PER_RESULT = 40;
/** A term that the FTS5 index finds in fewer rows than this is answered from those rows alone (SQLite). */
const FEW_MATCHES = 2_000;

/** The tables with a `search_text` column (and on SQLite a `rid` and a `<table>_fts` index). */
export type SearchedTable = "users" | "devices";

export interface SortedList<TB extends keyof Database, O> {
  db: Kysely<Database>;
  dialect: Dialect;
  table: SearchedTable;
  order: ListOrder;
  /**
   * The list's rows with the tenant and cursor applied, and its filters unless `filtered` is false;
   * the page's columns selected; neither sorted nor limited.
   */
  rows: (filtered?: boolean) => SelectQueryBuilder<Database, TB, O>;
  /**
   * An index holds the filtered rows (if any filters) in list order, so the rows come straight off it:
   * devices of one platform or state by name, for instance. Otherwise a filtered list goes through
   * the steps of `firstRows`.
   */
  inIndexOrder: boolean;
  /** The filters pick out a handful of rows (one owner's devices): sort those rather than walk the list. */
  fewRows?: boolean;
}

/**
 * The first `wanted` rows of a sorted, possibly filtered list, optionally only those whose
 * `search_text` contains `text`.
 *
 * An index on a filter, or a substring index, answers "which rows match" but not "which come first";
 * walking the list in order answers that at once for matches spread through the list, and reads on
 * and on for rare matches or matches bunched further down (inactive devices, in a list sorted by
 * last contact; a first name, in a list sorted by email). So a filtered list goes in up to three
 * steps, each bounded:
 *
 * 1. (SQLite, terms of three or more characters) Probe the FTS5 index for at most FEW_MATCHES rows.
 *    A rarer term is answered from exactly those rows.
 * 2. Walk the next `wanted * WALK_ROWS_PER_RESULT` rows of the unfiltered list in order and keep the
 *    matches. Filters and terms that one row in 40 or more meets fill the page here, however large
 *    the list.
 * 3. Otherwise gather every match through the indexes and sort them (on SQLite, a term of one or two
 *    characters is first probed like step 1, by scanning). This step costs in proportion to the
 *    matches; and to the table's size for terms of one or two characters, which trigrams cannot
 *    index, and for filters without an index.
 */
export async function firstRows<TB extends keyof Database, O>(
  list: SortedList<TB, O>,
  text: string | undefined,
  wanted: number,
): Promise<O[]> {
  const take = (q: SelectQueryBuilder<Database, TB, O>, sortMatches = false) =>
    ordered(q, list.order, list.dialect, sortMatches).limit(wanted).execute();
  const contains =
    text === undefined
      ? undefined
      : sql<SqlBool>`${sql.ref(`${list.table}.searchText`)} like ${likeContains(text)} escape '\\'`;
  const matching = () => (contains ? list.rows().where(contains) : list.rows());
  if (list.fewRows) return take(matching(), true);
  if (!contains && list.inIndexOrder) return take(list.rows());

  const ids = text !== undefined && list.dialect === "sqlite" ? sqliteMatches(list.table, text) : undefined;
  if (ids?.indexed) {
    const page = await fromFewMatches(list, ids.query, take);
    if (page) return page;
  }
  const walked = await walk(list, matching, wanted);
  if (walked) return walked;

  if (list.dialect === "postgres") {
    // Given ORDER BY and LIMIT, PostgreSQL's planner may walk the sort index for as long as the matches
    // take to appear. The materialised CTE makes it find every match first (through pg_trgm's GIN
    // index, a filter's index, or a scan), then sort only their keys.
    const keys = matching()
      .clearSelect()
      .select([sql.ref(list.order.column).as("k"), sql.ref(list.order.idColumn).as("id")]);
    const direction = sql.raw(list.order.descending ? "desc" : "asc");
    const tieBreak = list.order.unique ? sql`` : sql`, id ${direction}`;
    const top = sql`with m as materialized ${keys} select id from m order by k ${direction}${tieBreak} limit ${wanted}`;
    return take(list.rows().where(sql<SqlBool>`${sql.ref(list.order.idColumn)} in (${top})`));
  }
  // Filters alone: find their rows through the filters' indexes, then sort them.
  if (!ids) return take(list.rows(), true);
  if (!ids.indexed) {
    const page = await fromFewMatches(list, ids.query, take);
    if (page) return page;
  }
  // Many matches, bunched further down the list: SQLite walks the sort index checking each row id
  // against the matches, or sorts the matches, whichever it reckons cheaper.
  return take(list.rows().where(sql<SqlBool>`${sql.ref(`${list.table}.rid`)} in (${ids.query})`));
}

/**
 * Row ids (`rid`) of the rows of any tenant whose `search_text` contains `text`: from the FTS5 trigram
 * index, or for terms too short for trigrams by scanning the table (NOT INDEXED: a plain scan is
 * several times faster than walking an index and fetching every row).
 */
function sqliteMatches(
  table: SearchedTable,
  text: string,
): { query: RawBuilder<{ rid: number }>; indexed: boolean } {
  if ([...text].length >= 3) {
    const fts = sql.table(`${table}_fts`);
    return {
      query: sql`select rowid as rid from ${fts} where ${fts} match ${`"${text.replace(/"/g, '""')}"`}`,
      indexed: true,
    };
  }
  return {
    query: sql`select rid from ${sql.table(table)} not indexed where search_text like ${likeContains(text)} escape '\\'`,
    indexed: false,
  };
}

/** Steps 1 and 3 on SQLite: the page from at most FEW_MATCHES matching rows, or undefined when there are more. */
async function fromFewMatches<TB extends keyof Database, O>(
  list: SortedList<TB, O>,
  ids: RawBuilder<{ rid: number }>,
  take: (q: SelectQueryBuilder<Database, TB, O>) => Promise<O[]>,
): Promise<O[] | undefined> {
  const found = await sql<{ rid: number }>`${ids} limit ${FEW_MATCHES}`.execute(list.db);
  if (found.rows.length >= FEW_MATCHES) return undefined;
  if (found.rows.length === 0) return [];
  const json = JSON.stringify(found.rows.map((r) => r.rid));
  return take(
    list
      .rows()
      .where(sql<SqlBool>`${sql.ref(`${list.table}.rid`)} in (select value from json_each(${json}))`),
  );
}

/** Step 2 above: the matches among the next rows of the list, or undefined when they do not fill the page. */
async function walk<TB extends keyof Database, O>(
  list: SortedList<TB, O>,
  matching: () => SelectQueryBuilder<Database, TB, O>,
  wanted: number,
): Promise<O[] | undefined> {
  // The window is counted on the unfiltered list, whose sort index holds every key: finding its edge reads that many index entries and no rows.
  const keys = list
    .rows(false)
    .clearSelect()
    .select([sql.ref(list.order.column).as("after"), sql.ref(list.order.idColumn).as("id")]);
  const edgeRow = await ordered(keys, list.order, list.dialect)
    .limit(1)
    .offset(wanted * WALK_ROWS_PER_RESULT - 1)
    .executeTakeFirst();
  const edge = edgeRow && { after: edgeRow.after as Cursor["after"], id: edgeRow.id as string };
  const found = await ordered(
    edge ? matching().where(upTo(list.order, edge)) : matching(),
    list.order,
    list.dialect,
  )
    .limit(wanted)
    .execute();
  // Without an edge the walk reached the end of the list, so what it found is all there is.
  return found.length === wanted || !edge ? found : undefined;
}
