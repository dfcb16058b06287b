import { api, unwrap } from "../../api/client";
import type { ImportRow } from "./csv";

/** Rows per request: the import route takes up to 1,000. */
export const IMPORT_BATCH = 500;

export interface RowResult {
  row: number;
  email: string;
  status: "created" | "failed";
  code?: string;
  message?: string;
}

/** Sends the rows in batches, one after another, reporting each batch's results as they arrive. */
export async function runImport(
  rows: ImportRow[],
  onBatch: (results: RowResult[], done: number) => void,
  signal: AbortSignal,
): Promise<void> {
  for (let i = 0; i < rows.length; i += IMPORT_BATCH) {
    if (signal.aborted) return;
    const batch = rows.slice(i, i + IMPORT_BATCH);
    const answer = await unwrap(api.POST("/api/v1/users/import", { body: { users: batch }, signal }));
    onBatch(answer.results, i + batch.length);
  }
}
