import { createReadStream } from "node:fs";
import { CsvError, parse, type Info } from "csv-parse";
import { UsageError } from "../connection.js";

/** One user as POST /api/v1/users/import takes it. */
export interface ImportUser {
  email: string;
  displayName?: string;
  givenName?: string;
  familyName?: string;
}

type Field = keyof ImportUser;

/** One data record of the file: the user it describes, or why it cannot be sent. */
export interface CsvUserRow {
  /** The line of the file where the record starts; the header is line 1. */
  row: number;
  user: ImportUser;
  problem?: { code: string; message: string };
}

/** Header names, compared ignoring case, spaces, "_" and "-": display_name, First Name, e-mail... */
const ALIASES: Record<string, Field> = {
  email: "email",
  displayname: "displayName",
  givenname: "givenName",
  firstname: "givenName",
  familyname: "familyName",
  lastname: "familyName",
};

/** The import endpoint refuses a whole batch over these lengths, so such rows are failed here instead. */
const API_LIMITS: Record<Field, number> = {
  email: 254,
  displayName: 1000,
  givenName: 1000,
  familyName: 1000,
};

export function mapHeader(header: string[]): Array<Field | undefined> {
  const columns = header.map(
    (name) =>
      ALIASES[
        name
          .trim()
          .toLowerCase()
          .replace(/[\s_-]/g, "")
      ],
  );
  const unknown = header.filter((_, i) => columns[i] === undefined && header[i]!.trim() !== "");
  if (unknown.length > 0) {
    throw new UsageError(
      `unknown column${unknown.length > 1 ? "s" : ""} ${unknown.map((c) => `"${c}"`).join(", ")} in the header. ` +
        "Columns are: email (required), displayName, givenName (or first_name), familyName (or last_name).",
    );
  }
  const twice = columns.find((field, i) => field !== undefined && columns.indexOf(field) !== i);
  if (twice) throw new UsageError(`two columns of the header both mean ${twice}.`);
  if (!columns.includes("email"))
    throw new UsageError(`the header has no email column (it has: ${header.join(", ")}).`);
  return columns;
}

/** csv-parse counts the line a record ends on; a record with line breaks inside quotes started earlier. */
function startLine(record: string[], info: Info): number {
  let breaks = 0;
  for (const value of record) for (const char of value) if (char === "\n" || char === "\r") breaks += 1;
  return info.lines - breaks;
}

function toRow(record: string[], columns: Array<Field | undefined>, row: number): CsvUserRow {
  const user: ImportUser = { email: "" };
  columns.forEach((field, i) => {
    const value = record[i]?.trim();
    if (field && value) user[field] = value;
  });
  if (record.length !== columns.length) {
    return {
      row,
      user,
      problem: {
        code: "malformed_row",
        message: `has ${record.length} fields where the header has ${columns.length}`,
      },
    };
  }
  const tooLong = (Object.keys(API_LIMITS) as Field[]).find(
    (field) => (user[field]?.length ?? 0) > API_LIMITS[field],
  );
  if (tooLong)
    return {
      row,
      user,
      problem: {
        code: "invalid_user",
        message: `${tooLong} must be at most ${API_LIMITS[tooLong]} characters`,
      },
    };
  return { row, user };
}

function fileProblem(path: string, error: unknown): UsageError {
  if (error instanceof CsvError)
    return new UsageError(`${path} line ${String(error.lines)}: ${error.message}. Nothing was imported.`);
  const code = (error as NodeJS.ErrnoException).code;
  const reason =
    code === "ENOENT"
      ? "no such file"
      : code === "EISDIR"
        ? "it is a folder"
        : code === "EACCES"
          ? "permission denied"
          : String(error);
  return new UsageError(`cannot read ${path}: ${reason}.`);
}

/**
 * Streams the users of a CSV file with a header row. A bad header or broken quoting ends the read with
 * a UsageError; a record with the wrong number of fields comes back as a row with a problem.
 */
export async function* readUserRows(path: string): AsyncGenerator<CsvUserRow> {
  const parser = parse({
    bom: true,
    info: true,
    relax_column_count: true,
    skip_empty_lines: true,
    skip_records_with_empty_values: true,
  });
  const input = createReadStream(path);
  input.on("error", (error) => parser.destroy(error));
  input.pipe(parser);
  let columns: Array<Field | undefined> | undefined;
  try {
    for await (const { record, info } of parser as AsyncIterable<{ record: string[]; info: Info }>) {
      if (columns) yield toRow(record, columns, startLine(record, info));
      else columns = mapHeader(record);
    }
  } catch (error) {
    if (error instanceof UsageError) throw new UsageError(`${path}: ${error.message}`);
    throw fileProblem(path, error);
  } finally {
    input.destroy();
  }
  if (!columns) throw new UsageError(`${path} is empty; it needs a header row such as "email,displayName".`);
}
