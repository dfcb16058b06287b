import { describe, expect, it } from "vitest";
import { parseCsv, usersFromCsv } from "./csv";

describe("CSV import in the console", () => {
  it("reads quoted fields with commas, quotes and line breaks, and numbers rows by their first line", () => {
    const records = parseCsv('a,b\r\n"x, y","say ""hi"""\n"two\nlines",z\n\n');
    expect(records).toEqual([
      { line: 1, fields: ["a", "b"] },
      { line: 2, fields: ["x, y", 'say "hi"'] },
      { line: 3, fields: ["two\nlines", "z"] },
    ]);
  });

  it("maps the header's names like the command-line import, and refuses unknown columns", () => {
    expect(usersFromCsv("\uFEFFEmail,First Name,last_name\nada@example.com,Ada,Lovelace\n")).toEqual({
      rows: [{ row: 2, email: "ada@example.com", givenName: "Ada", familyName: "Lovelace" }],
    });
    expect(usersFromCsv("mail,name\n")).toMatchObject({
      error: expect.stringContaining("unknown columns: mail, name"),
    });
    expect(usersFromCsv("")).toEqual({ error: "The file is empty." });
  });
});
