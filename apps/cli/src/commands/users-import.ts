import type { Command } from "commander";
import type { ApiClient } from "../api-client.js";
import { UsageError, connect, withConnectionOptions, type ConnectionOptions } from "../connection.js";
import { BatchUploader, type Batch } from "../users-import/batch-uploader.js";
import { readUserRows } from "../users-import/csv-users.js";
import { ImportTally, errorsFilePath, summary, writeErrorsFile } from "../users-import/import-report.js";
import { importProgress, type Progress } from "../users-import/progress.js";

/** The most POST /api/v1/users/import takes in one request. */
const BATCH_SIZE = 1000;
const IN_FLIGHT = 3;

/** Reads the whole file once before sending anything, so that a broken header or broken quoting imports nothing. */
async function countRows(file: string): Promise<number> {
  let rows = 0;
  for await (const _row of readUserRows(file)) rows += 1;
  return rows;
}

async function requireUsersWrite(api: ApiClient): Promise<void> {
  const me = await api.get<{ label: string; permissions: string[] }>("/api/v1/auth/me");
  if (!me.permissions.includes("users:write"))
    throw new UsageError(`${me.label} may not create users (the role lacks users:write).`);
}

async function sendRows(
  file: string,
  uploader: BatchUploader,
  tally: ImportTally,
  progress: Progress,
): Promise<void> {
  const firstRowOf = new Map<string, number>();
  let batch: Batch = { rows: [], users: [] };
  for await (const { row, user, problem } of readUserRows(file)) {
    // The server normalises emails by trimming and lower-casing; a repeat in another batch would otherwise read "already exists".
    const email = user.email.toLowerCase();
    const first = email ? firstRowOf.get(email) : undefined;
    if (problem || first !== undefined) {
      const reason = problem ?? {
        code: "duplicate_in_file",
        message: `${email} appears more than once in this file (first on row ${first}).`,
      };
      tally.add([{ row, email: user.email, status: "failed", ...reason }]);
      progress.update(tally);
      continue;
    }
    if (email) firstRowOf.set(email, row);
    batch.rows.push(row);
    batch.users.push(user);
    if (batch.users.length === BATCH_SIZE) {
      await uploader.add(batch);
      batch = { rows: [], users: [] };
    }
  }
  if (batch.users.length > 0) await uploader.add(batch);
  await uploader.finish();
}

export function registerUsersImport(users: Command): void {
  withConnectionOptions(
    users
      .command("import")
      .description(
        "Create users from a CSV file with a header row: email (required), displayName, givenName, familyName",
      )
      .argument("<file>", "CSV file; failed rows are written to FILE.errors.csv beside it")
      .addHelpText(
        "after",
        "\nExit status: 0 when every row was created, 2 when some rows failed, 1 when the import could not run.",
      ),
  ).action(async (file: string, options: ConnectionOptions) => {
    const total = await countRows(file);
    const api = await connect(options);
    await requireUsersWrite(api);
    if (total === 0) {
      process.stdout.write(`${file} has no users to import.\n`);
      return;
    }
    const tally = new ImportTally();
    const progress = importProgress(total);
    const uploader = new BatchUploader(api, {
      concurrency: IN_FLIGHT,
      attempts: 6,
      backoffMs: 500,
      onResults: (results) => {
        tally.add(results);
        progress.update(tally);
      },
    });
    let stoppedBy: unknown;
    try {
      await sendRows(file, uploader, tally, progress);
    } catch (error) {
      stoppedBy = error;
      await uploader.finish().catch(() => undefined);
    }
    progress.stop(tally);
    const errorsFile = tally.failures.length > 0 ? errorsFilePath(file) : undefined;
    if (errorsFile) await writeErrorsFile(errorsFile, tally.sortedFailures());
    process.stdout.write(summary(tally, total, errorsFile));
    if (stoppedBy !== undefined) throw stoppedBy;
    process.exitCode = tally.failures.length > 0 ? 2 : 0;
  });
}
