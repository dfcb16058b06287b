import { sql, type Kysely, type Selectable } from "kysely";
import type { Command, CommandError, CommandRepository, CommandState, CommandType } from "@meridian/core";
import { keysetAfter, pageOf, parseJson } from "../query-helpers.js";
import type { Database } from "../schema.js";
import { preparedQuery } from "../prepared-query.js";
import type { RepositoryContext } from "./context.js";

type Row = Selectable<Database["commands"]>;

const toCommand = (row: Row): Command => ({
  ...row,
  type: row.type as CommandType,
  state: row.state as CommandState,
  payload: parseJson<Record<string, unknown>>(row.payload) ?? {},
  result: parseJson<Record<string, unknown>>(row.result),
  error: parseJson<CommandError>(row.error),
});

const toRow = (command: Command): Row => ({
  ...command,
  payload: JSON.stringify(command.payload),
  result: command.result === null ? null : JSON.stringify(command.result),
  error: command.error === null ? null : JSON.stringify(command.error),
});

const INSERT_CHUNK = 400;
/** Devices per set-based insert: one statement each, so only memory bounds it. */
const SET_CHUNK = 20_000;
/** States a command can still be answered from; a late answer to an expired command is kept. */
const ANSWERABLE: CommandState[] = ["delivered", "not_now", "expired"];
const OPEN: CommandState[] = ["pending", "delivered", "not_now"];

/**
 * Takes a device's next command: the highest priority, then the oldest, marked delivered in one
 * UPDATE. The state is checked again by the UPDATE itself: of two fetches racing for one command,
 * one gets it. Prepared, since every check-in runs it. `resendUnanswered` is for devices that ask
 * only once they have answered (Apple's): a command handed out and never answered goes out again.
 */
function takeNextQuery(resendUnanswered: boolean) {
  return preparedQuery(
    `commands.takeNext(${resendUnanswered})`,
    (db: Kysely<Database>, tenantId: string, deviceId: string, now: number, retryAt: number) => {
      const due = resendUnanswered
        ? sql<boolean>`(${sql.ref("state")} in ('pending', 'delivered') or (${sql.ref("state")} = 'not_now' and ${sql.ref("retry_at")} <= ${now}))`
        : sql<boolean>`(${sql.ref("state")} = 'pending' or (${sql.ref("state")} in ('delivered', 'not_now') and ${sql.ref("retry_at")} <= ${now}))`;
      const next = db
        .selectFrom("commands")
        .select("id")
        .where("tenantId", "=", tenantId)
        .where("deviceId", "=", deviceId)
        .where(due)
        .where("expiresAt", ">", now)
        .orderBy("priority", "desc")
        .orderBy("id")
        .limit(1);
      return db
        .updateTable("commands")
        .set((eb) => ({ state: "delivered", deliveredAt: now, retryAt, attempts: eb("attempts", "+", 1) }))
        .where("tenantId", "=", tenantId)
        .where("id", "=", next)
        .where(due)
        .returningAll();
    },
  );
}
const takeNextDue = takeNextQuery(false);
const takeNextResending = takeNextQuery(true);

const getQuery = preparedQuery("commands.get", (db: Kysely<Database>, tenantId: string, id: string) =>
  db.selectFrom("commands").selectAll().where("tenantId", "=", tenantId).where("id", "=", id),
);

export function commandRepository({ db, tenantId, dialect }: RepositoryContext): CommandRepository {
  const table = () => db.selectFrom("commands").selectAll().where("tenantId", "=", tenantId);
  return {
    async insertMany(commands) {
      for (let i = 0; i < commands.length; i += INSERT_CHUNK) {
        await db
          .insertInto("commands")
          .values(commands.slice(i, i + INSERT_CHUNK).map((c) => ({ ...toRow(c), tenantId })))
          .execute();
      }
    },
    async insertForDevices(deviceIds, template, idPrefix) {
      const row = toRow({ ...template, id: "", deviceId: "" });
      for (let i = 0; i < deviceIds.length; i += SET_CHUNK) {
        const chunk = deviceIds.slice(i, i + SET_CHUNK);
        // The device ids travel as one parameter and the constant columns once each: a chunk is one
        // statement, whatever its size, instead of hundreds of thousands of bound values.
        const ids =
          dialect === "sqlite"
            ? sql`select ${idPrefix} || printf('%012x', ${i} + key) as id, value as device_id from json_each(${JSON.stringify(chunk)})`
            : sql`select ${idPrefix} || lpad(to_hex(${i}::bigint + ord - 1), 12, '0') as id, device_id from unnest(${chunk}::text[]) with ordinality as t(device_id, ord)`;
        await sql`
          insert into commands (id, tenant_id, device_id, type, payload, state, priority, batch_id, created_by,
            created_at, expires_at, delivered_at, retry_at, completed_at, attempts, result, error)
          select ids.id, ${tenantId}, ids.device_id, ${row.type}, ${row.payload}, ${row.state}, ${row.priority},
            ${row.batchId}, ${row.createdBy}, ${row.createdAt}, ${row.expiresAt}, null, null, null, 0, null, null
          from (${ids}) as ids`.execute(db);
      }
    },
    async get(id) {
      const row = (await getQuery.run({ db, dialect }, tenantId, id)).rows[0];
      return row && toCommand(row);
    },
    async takeNext(deviceId, now, retryAt, resendUnanswered = false) {
      const take = resendUnanswered ? takeNextResending : takeNextDue;
      const row = (await take.run({ db, dialect }, tenantId, deviceId, now, retryAt)).rows[0];
      return row && toCommand(row);
    },
    async complete(id, deviceId, outcome) {
      const row = await db
        .updateTable("commands")
        .set({
          state: outcome.state,
          result: outcome.result === null ? null : JSON.stringify(outcome.result),
          error: outcome.error === null ? null : JSON.stringify(outcome.error),
          completedAt: outcome.completedAt,
          retryAt: outcome.retryAt,
        })
        .where("tenantId", "=", tenantId)
        .where("id", "=", id)
        .where("deviceId", "=", deviceId)
        .where("state", "in", ANSWERABLE)
        .returningAll()
        .executeTakeFirst();
      return row && toCommand(row);
    },
    async cancel(id, now) {
      const result = await db
        .updateTable("commands")
        .set({ state: "cancelled", completedAt: now })
        .where("tenantId", "=", tenantId)
        .where("id", "=", id)
        .where("state", "in", ["pending", "not_now"])
        .executeTakeFirst();
      return result.numUpdatedRows > 0n;
    },
    async cancelOpenForDevice(deviceId, now, reason) {
      const result = await db
        .updateTable("commands")
        .set({ state: "cancelled", completedAt: now, error: JSON.stringify(reason) })
        .where("tenantId", "=", tenantId)
        .where("deviceId", "=", deviceId)
        .where("state", "in", OPEN)
        .executeTakeFirst();
      return Number(result.numUpdatedRows);
    },
    async listForDevice(deviceId, query, page) {
      let q = table().where("deviceId", "=", deviceId);
      if (query.state) q = q.where("state", "=", query.state);
      // Newest first: ids are time-ordered, so the id alone is the order and the cursor.
      if (page.cursor)
        q = q.where(keysetAfter("id", "id", true, { after: page.cursor.id, id: page.cursor.id }, "text"));
      const rows = await q
        .orderBy("id", "desc")
        .limit(page.limit + 1)
        .execute();
      return pageOf(rows.map(toCommand), page, (c) => ({ after: c.id, id: c.id }));
    },
    async deleteForDevice(deviceId) {
      await db
        .deleteFrom("commands")
        .where("tenantId", "=", tenantId)
        .where("deviceId", "=", deviceId)
        .execute();
    },
    async expireDue(now) {
      const result = await db
        .updateTable("commands")
        .set({ state: "expired", completedAt: now })
        .where("tenantId", "=", tenantId)
        .where("state", "in", OPEN)
        .where("expiresAt", "<=", now)
        .executeTakeFirst();
      return Number(result.numUpdatedRows);
    },
    async devicesWithOpenCommands(createdBefore, limit) {
      const rows = await db
        .selectFrom("commands")
        .select("deviceId")
        .distinct()
        .where("tenantId", "=", tenantId)
        .where("state", "in", ["pending", "delivered"])
        .where("createdAt", "<", createdBefore)
        .limit(limit)
        .execute();
      return rows.map((r) => r.deviceId);
    },
    async countBatchByState(batchId) {
      const rows = await db
        .selectFrom("commands")
        .select(["state", (eb) => eb.fn.countAll<number | string>().as("n")])
        .where("tenantId", "=", tenantId)
        .where("batchId", "=", batchId)
        .groupBy("state")
        .execute();
      return Object.fromEntries(rows.map((row) => [row.state, Number(row.n)]));
    },
  };
}
