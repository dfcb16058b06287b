import { setTimeout as sleep } from "node:timers/promises";
import { ApiError, UnreachableError, type ApiClient } from "../api-client.js";
import type { ImportUser } from "./csv-users.js";

/** How one row of the file ended. */
export interface RowResult {
  row: number;
  email: string;
  status: "created" | "failed";
  code?: string;
  message?: string;
}

export interface Batch {
  /** rows[i] is the line of the file that users[i] came from. */
  rows: number[];
  users: ImportUser[];
}

interface ImportResponse {
  results: Array<{
    row: number;
    email: string;
    status: "created" | "failed";
    code?: string;
    message?: string;
  }>;
}

export interface UploaderOptions {
  /** Requests in flight at once. */
  concurrency: number;
  attempts: number;
  /** First backoff; it doubles on each retry, with jitter, up to 30 s. */
  backoffMs: number;
  onResults(results: RowResult[]): void;
}

/** Errors after which the request certainly did not reach the import (so sending it again is safe). */
const NOT_SENT = new Set(["ECONNREFUSED", "EAI_AGAIN", "UND_ERR_CONNECT_TIMEOUT"]);
/** Errors after which the request may or may not have been carried out. */
const CUT_OFF = new Set(["ECONNRESET", "EPIPE", "ETIMEDOUT", "UND_ERR_SOCKET"]);

function retryable(error: unknown): { retry: boolean; maybeCarriedOut: boolean; waitSeconds?: number } {
  if (error instanceof ApiError) {
    // 409 already_exists: two requests raced on a unique email and this one was rolled back whole.
    const rolledBack =
      error.status === 429 ||
      error.status === 503 ||
      (error.status === 409 && error.code === "already_exists");
    return {
      retry: rolledBack,
      maybeCarriedOut: false,
      ...(error.retryAfter ? { waitSeconds: error.retryAfter } : {}),
    };
  }
  // A success status arrived and only its body was lost: the batch was carried out, so it must not be sent again.
  if (error instanceof UnreachableError && error.status !== undefined && error.status < 300) {
    return { retry: false, maybeCarriedOut: true };
  }
  if (error instanceof UnreachableError && error.errno) {
    return {
      retry: NOT_SENT.has(error.errno) || CUT_OFF.has(error.errno),
      maybeCarriedOut: CUT_OFF.has(error.errno),
    };
  }
  return { retry: false, maybeCarriedOut: false };
}

/**
 * Sends batches to POST /api/v1/users/import, a few at a time. A batch is sent again only after a
 * response that says it was not carried out (429, 503, a refused or reset connection), never after a 200.
 */
export class BatchUploader {
  private readonly inFlight = new Set<Promise<void>>();
  private failure: unknown;

  constructor(
    private readonly api: ApiClient,
    private readonly options: UploaderOptions,
  ) {}

  /** Starts sending a batch; resolves once there is room for the next. Throws the error that stopped an earlier batch. */
  async add(batch: Batch): Promise<void> {
    if (this.failure !== undefined) throw this.failure;
    const sending = this.send(batch).catch((error: unknown) => {
      this.failure ??= error;
    });
    const tracked = sending.finally(() => this.inFlight.delete(tracked));
    this.inFlight.add(tracked);
    while (this.inFlight.size >= this.options.concurrency) await Promise.race(this.inFlight);
    if (this.failure !== undefined) throw this.failure;
  }

  /** Waits for every batch in flight; throws the first error that stopped one. */
  async finish(): Promise<void> {
    await Promise.all(this.inFlight);
    if (this.failure !== undefined) throw this.failure;
  }

  private async send(batch: Batch): Promise<void> {
    const firstRow = batch.rows[0]!;
    let mayHaveCreated = false;
    for (let attempt = 1; ; attempt += 1) {
      try {
        const response = await this.api.post<ImportResponse>("/api/v1/users/import", {
          firstRow,
          users: batch.users,
        });
        this.options.onResults(
          response.results.map((r) => this.toRowResult(r, batch, firstRow, mayHaveCreated)),
        );
        return;
      } catch (error) {
        const verdict = retryable(error);
        if (!verdict.retry && verdict.maybeCarriedOut) {
          const last = batch.rows[batch.rows.length - 1]!;
          throw new Error(
            `the connection to ${this.api.server} broke while it answered for rows ${firstRow} to ${last}: ` +
              "they were most likely imported, but which of them failed is unknown. Check with meridian users list before importing them again.",
            { cause: error },
          );
        }
        if (!verdict.retry || attempt >= this.options.attempts || this.failure !== undefined) throw error;
        mayHaveCreated ||= verdict.maybeCarriedOut;
        const backoff = Math.min(30_000, this.options.backoffMs * 2 ** (attempt - 1)) * (0.5 + Math.random());
        await sleep(verdict.waitSeconds !== undefined ? verdict.waitSeconds * 1000 : backoff);
      }
    }
  }

  private toRowResult(
    result: ImportResponse["results"][number],
    batch: Batch,
    firstRow: number,
    mayHaveCreated: boolean,
  ): RowResult {
    // The server numbers rows firstRow, firstRow + 1...; the file's lines need not be consecutive (blank lines, quoted line breaks).
    const row = batch.rows[result.row - firstRow] ?? result.row;
    const { code, message } = result;
    const note =
      mayHaveCreated && code === "user_exists"
        ? " (an earlier attempt to send this row lost its connection and may have created it)"
        : "";
    return {
      row,
      email: result.email,
      status: result.status,
      ...(code ? { code } : {}),
      ...(message ? { message: message + note } : {}),
    };
  }
}
