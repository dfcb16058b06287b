import { writeFile } from "node:fs/promises";
import { basename, dirname, extname, join } from "node:path";
import { printable } from "../printable.js";
import type { RowResult } from "./batch-uploader.js";

/** How many failed rows the summary lists; the errors file has them all. */
export const LISTED_FAILURES = 50;

export class ImportTally {
  created = 0;
  readonly failures: RowResult[] = [];

  add(results: RowResult[]): void {
    for (const result of results) {
      if (result.status === "created") this.created += 1;
      else this.failures.push(result);
    }
  }

  get done(): number {
    return this.created + this.failures.length;
  }

  sortedFailures(): RowResult[] {
    return [...this.failures].sort((a, b) => a.row - b.row);
  }
}

/** users.csv → users.errors.csv, in the same folder. */
export function errorsFilePath(input: string): string {
  const extension = extname(input);
  const stem = extension.toLowerCase() === ".csv" ? basename(input, extension) : basename(input);
  return join(dirname(input), `${stem}.errors.csv`);
}

function csvField(value: string | number): string {
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export async function writeErrorsFile(path: string, failures: RowResult[]): Promise<void> {
  const lines = [
    "row,email,code,message",
    ...failures.map((f) => [f.row, f.email, f.code ?? "", f.message ?? ""].map(csvField).join(",")),
  ];
  await writeFile(path, `${lines.join("\n")}\n`);
}

export function summary(tally: ImportTally, total: number, errorsFile: string | undefined): string {
  const failures = tally.sortedFailures();
  const lines = [
    `Created ${tally.created}, failed ${failures.length}${tally.done < total ? `; ${total - tally.done} of ${total} rows have no result (not sent, or the answer was lost)` : ""}.`,
  ];
  if (failures.length > 0) {
    lines.push("", "Failed rows:");
    for (const f of failures.slice(0, LISTED_FAILURES))
      lines.push(printable(`  row ${f.row} (${f.email || "no email"}): ${f.message ?? f.code ?? "failed"}`));
    if (failures.length > LISTED_FAILURES) lines.push(`  ... and ${failures.length - LISTED_FAILURES} more.`);
  }
  if (errorsFile) lines.push("", `Every failed row is listed in ${errorsFile}.`);
  return `${lines.join("\n")}\n`;
}
