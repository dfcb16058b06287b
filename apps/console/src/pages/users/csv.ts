/** Records of an RFC 4180 CSV text: quoted fields may hold commas, quotes ("") and line breaks. */
export function parseCsv(text: string): Array<{ line: number; fields: string[] }> {
  const records: Array<{ line: number; fields: string[] }> = [];
  let fields: string[] = [];
  let field = "";
  let quoted = false;
  let line = 1;
  let recordLine = 1;
  const body = text.startsWith("\uFEFF") ? text.slice(1) : text;
  const endRecord = () => {
    fields.push(field);
    if (fields.length > 1 || fields[0]!.trim() !== "") records.push({ line: recordLine, fields });
    fields = [];
    field = "";
  };
  for (let i = 0; i < body.length; i++) {
    const c = body[i]!;
    if (quoted) {
      if (c === '"' && body[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else {
        if (c === "\n") line++;
        field += c;
      }
    } else if (c === '"') quoted = true;
    else if (c === ",") {
      fields.push(field);
      field = "";
    } else if (c === "\n" || c === "\r") {
      if (c === "\r" && body[i + 1] === "\n") i++;
      endRecord();
      line++;
      recordLine = line;
    } else field += c;
  }
  if (field !== "" || fields.length > 0) endRecord();
  return records;
}

export interface ImportRow {
  /** The file's line where the record starts; the header is line 1. */
  row: number;
  email: string;
  displayName?: string;
  givenName?: string;
  familyName?: string;
}

type Field = "email" | "displayName" | "givenName" | "familyName";

/** Header names, compared ignoring case, spaces, "_" and "-", as the command-line import reads them. */
const ALIASES: Record<string, Field> = {
  email: "email",
  displayname: "displayName",
  givenname: "givenName",
  firstname: "givenName",
  familyname: "familyName",
  lastname: "familyName",
};

/** The users a CSV file describes, or why the file as a whole cannot be imported. */
export function usersFromCsv(text: string): { rows: ImportRow[] } | { error: string } {
  const [header, ...records] = parseCsv(text);
  if (!header) return { error: "The file is empty." };
  const columns = header.fields.map(
    (name) =>
      ALIASES[
        name
          .trim()
          .toLowerCase()
          .replace(/[\s_-]/g, "")
      ],
  );
  const unknown = header.fields.filter((name, i) => columns[i] === undefined && name.trim() !== "");
  if (unknown.length > 0)
    return {
      error: `The header has unknown columns: ${unknown.join(", ")}. Columns are email (required), displayName, givenName (or first_name), familyName (or last_name).`,
    };
  if (!columns.includes("email"))
    return { error: "The first line must be a header with an email column (and optionally names)." };
  const rows = records.map((record) => {
    const row: ImportRow = { row: record.line, email: "" };
    record.fields.forEach((value, i) => {
      const field = columns[i];
      if (field && value.trim() !== "") row[field] = value.trim();
    });
    return row;
  });
  return { rows };
}
