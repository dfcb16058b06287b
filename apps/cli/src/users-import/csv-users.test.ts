import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mapHeader, readUserRows, type CsvUserRow } from "./csv-users.js";

describe("mapHeader", () => {
  it("matches names ignoring case, spaces, underscores and hyphens", () => {
    expect(mapHeader(["E-mail", "Display Name", "first_name", "LAST_NAME", ""])).toEqual([
      "email",
      "displayName",
      "givenName",
      "familyName",
      undefined,
    ]);
    expect(mapHeader(["email", "givenName", "family_name"])).toEqual(["email", "givenName", "familyName"]);
  });

  it("refuses unknown, repeated and missing columns", () => {
    expect(() => mapHeader(["email", "phone", "dept"])).toThrow(
      'unknown columns "phone", "dept" in the header',
    );
    expect(() => mapHeader(["email", "first_name", "givenName"])).toThrow(
      "two columns of the header both mean givenName",
    );
    expect(() => mapHeader(["displayName"])).toThrow("the header has no email column");
  });
});

describe("readUserRows", () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "meridian-csv-"));
  });
  afterAll(async () => rm(dir, { recursive: true, force: true }));

  async function rowsOf(text: string): Promise<CsvUserRow[]> {
    const file = join(dir, "users.csv");
    await writeFile(file, text);
    const rows: CsvUserRow[] = [];
    for await (const row of readUserRows(file)) rows.push(row);
    return rows;
  }

  it("numbers each record by the line it starts on, skipping blank lines and a byte-order mark", async () => {
    const rows = await rowsOf(
      '\ufeffemail,displayName\n a@example.com , A \n\n,\nb@example.com,"B\nb"\nc@example.com,\n',
    );
    expect(rows).toEqual([
      { row: 2, user: { email: "a@example.com", displayName: "A" } },
      { row: 5, user: { email: "b@example.com", displayName: "B\nb" } },
      { row: 7, user: { email: "c@example.com" } },
    ]);
  });

  it("reads Windows line endings", async () => {
    expect((await rowsOf("email\r\na@example.com\r\n\r\nb@example.com")).map((r) => r.row)).toEqual([2, 4]);
  });

  it("turns a record with the wrong number of fields, or a field the API would refuse, into a row with a problem", async () => {
    const long = "x".repeat(1001);
    const rows = await rowsOf(
      `email,displayName\na@example.com,A,extra\n${"y".repeat(250)}@example.com,Y\nb@example.com,${long}\n`,
    );
    expect(rows.map((r) => [r.row, r.problem?.code, r.problem?.message])).toEqual([
      [2, "malformed_row", "has 3 fields where the header has 2"],
      [3, "invalid_user", "email must be at most 254 characters"],
      [4, "invalid_user", "displayName must be at most 1000 characters"],
    ]);
  });

  it("ends with a message naming the line when quoting is broken, or the file is empty", async () => {
    await expect(rowsOf('email\na@example.com\n"b@example.com\n')).rejects.toThrow(
      /users\.csv line \d+: Quote Not Closed/,
    );
    await expect(rowsOf("")).rejects.toThrow(/users\.csv is empty/);
  });
});
