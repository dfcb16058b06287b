import { describe, expect, it } from "vitest";
import { ApiError, UnreachableError, type ApiClient } from "../api-client.js";
import { BatchUploader, type Batch, type RowResult } from "./batch-uploader.js";

type Answer = "ok" | Error;

/** An API whose import endpoint answers from a script, one answer per request, and records what it was sent. */
function scriptedApi(answers: Answer[]) {
  const sent: Array<{ firstRow: number; emails: string[] }> = [];
  let inFlight = 0;
  let mostInFlight = 0;
  const api: ApiClient = {
    server: "http://meridian.test",
    get: () => Promise.reject(new Error("not used")),
    async post<T>(_path: string, body?: unknown): Promise<T> {
      const { firstRow, users } = body as { firstRow: number; users: Array<{ email: string }> };
      sent.push({ firstRow, emails: users.map((u) => u.email) });
      inFlight += 1;
      mostInFlight = Math.max(mostInFlight, inFlight);
      await new Promise((resolve) => setTimeout(resolve, 5));
      inFlight -= 1;
      const answer = answers.shift() ?? "ok";
      if (answer !== "ok") throw answer;
      const results = users.map((u, i) =>
        u.email === "taken@example.com"
          ? {
              row: firstRow + i,
              email: u.email,
              status: "failed",
              code: "user_exists",
              message: `A user with the email ${u.email} already exists.`,
            }
          : { row: firstRow + i, email: u.email, status: "created" },
      );
      return { results } as T;
    },
  };
  return { api, sent, mostInFlight: () => mostInFlight };
}

const batch = (rows: number[]): Batch => ({
  rows,
  users: rows.map((row) => ({ email: `user${row}@example.com` })),
});

function uploader(api: ApiClient, results: RowResult[], attempts = 4) {
  return new BatchUploader(api, {
    concurrency: 3,
    attempts,
    backoffMs: 1,
    onResults: (r) => results.push(...r),
  });
}

describe("BatchUploader", () => {
  it("keeps at most three requests in flight and reports each row by its line in the file", async () => {
    const { api, sent, mostInFlight } = scriptedApi([]);
    const results: RowResult[] = [];
    const up = uploader(api, results);
    for (let i = 0; i < 8; i += 1) await up.add(batch([2 + i * 10, 3 + i * 10, 5 + i * 10]));
    await up.finish();
    expect(sent).toHaveLength(8);
    expect(mostInFlight()).toBe(3);
    expect(
      results
        .map((r) => r.row)
        .sort((a, b) => a - b)
        .slice(0, 6),
    ).toEqual([2, 3, 5, 12, 13, 15]);
  });

  it("sends a batch again after 429, 503 and a refused connection, and only then", async () => {
    const { api, sent } = scriptedApi([
      new ApiError(429, "too_many_requests", "slow down"),
      new ApiError(503, "unavailable", "busy"),
      new UnreachableError("http://meridian.test", "connect ECONNREFUSED", "ECONNREFUSED"),
    ]);
    const results: RowResult[] = [];
    const up = uploader(api, results);
    await up.add(batch([2, 3]));
    await up.finish();
    expect(sent).toHaveLength(4);
    expect(results).toEqual([
      { row: 2, email: "user2@example.com", status: "created" },
      { row: 3, email: "user3@example.com", status: "created" },
    ]);
  });

  it("never sends a batch again once it got an answer, whatever the rows said", async () => {
    const { api, sent } = scriptedApi([]);
    const results: RowResult[] = [];
    const up = uploader(api, results);
    await up.add({ rows: [7], users: [{ email: "taken@example.com" }] });
    await up.finish();
    expect(sent).toHaveLength(1);
    expect(results).toEqual([
      {
        row: 7,
        email: "taken@example.com",
        status: "failed",
        code: "user_exists",
        message: "A user with the email taken@example.com already exists.",
      },
    ]);
  });

  it("after a reset connection, says that an 'already exists' may be its own doing", async () => {
    const { api, sent } = scriptedApi([
      new UnreachableError("http://meridian.test", "read ECONNRESET", "ECONNRESET"),
    ]);
    const results: RowResult[] = [];
    const up = uploader(api, results);
    await up.add({ rows: [4], users: [{ email: "taken@example.com" }] });
    await up.finish();
    expect(sent).toHaveLength(2);
    expect(results[0]?.message).toMatch(
      /already exists\. \(an earlier attempt to send this row lost its connection and may have created it\)$/,
    );
  });

  it("does not send a batch again when a 200 arrived but its body was cut off", async () => {
    const { api, sent } = scriptedApi([
      new UnreachableError("http://meridian.test", "terminated", "UND_ERR_SOCKET", 200),
    ]);
    const up = uploader(api, []);
    await up.add(batch([2]));
    await expect(up.finish()).rejects.toThrow(
      "broke while it answered for rows 2 to 2: they were most likely imported",
    );
    expect(sent).toHaveLength(1);
  });

  it("stops at an error that retrying cannot fix, and gives up after the last attempt", async () => {
    const denied = scriptedApi([new ApiError(401, "session_expired", "Your session has expired")]);
    const up = uploader(denied.api, []);
    await up.add(batch([2]));
    await expect(up.finish()).rejects.toThrow("Your session has expired");
    expect(denied.sent).toHaveLength(1);

    const busy = scriptedApi([1, 2, 3].map(() => new ApiError(503, "unavailable", "still busy")));
    const giveUp = uploader(busy.api, [], 3);
    await giveUp.add(batch([2]));
    await expect(giveUp.finish()).rejects.toThrow("still busy");
    expect(busy.sent).toHaveLength(3);
  });
});
