import type { Kysely, Selectable } from "kysely";
import type { AppleEnrollment, AppleEnrollmentRepository } from "@meridian/core";
import type { Database } from "../schema.js";
import { preparedQuery } from "../prepared-query.js";
import type { RepositoryContext } from "./context.js";
import { DEVICE_COLUMNS, toDevice } from "./devices.repository.js";

type Row = Selectable<Database["appleEnrollments"]>;

const time = (value: number | null) => (value === null ? null : Number(value));

const toEnrollment = (row: Row): AppleEnrollment => ({
  deviceId: row.deviceId,
  udid: row.udid,
  topic: row.topic,
  enabled: row.enabled === 1,
  awaitingConfiguration: row.awaitingConfiguration === 1,
  unlockToken: row.unlockToken,
  bootstrapToken: row.bootstrapToken,
  tokenUpdates: row.tokenUpdates,
  createdAt: Number(row.createdAt),
  authenticatedAt: time(row.authenticatedAt),
  enabledAt: time(row.enabledAt),
  checkedOutAt: time(row.checkedOutAt),
});

/** The check-in's one read: an identity, its device and its enrollment (prepared: it runs on every request). */
const byCertificateQuery = preparedQuery(
  "appleEnrollments.byCertificate",
  (db: Kysely<Database>, tenantId: string, serialNumber: string) =>
    db
      .selectFrom("deviceCertificates")
      .innerJoin("devices", (j) =>
        j
          .onRef("devices.tenantId", "=", "deviceCertificates.tenantId")
          .onRef("devices.id", "=", "deviceCertificates.deviceId"),
      )
      .leftJoin("appleEnrollments", (j) =>
        j
          .onRef("appleEnrollments.tenantId", "=", "deviceCertificates.tenantId")
          .onRef("appleEnrollments.deviceId", "=", "deviceCertificates.deviceId"),
      )
      .select(DEVICE_COLUMNS)
      .select([
        "deviceCertificates.revokedAt as certificateRevokedAt",
        "appleEnrollments.deviceId as enrollmentDeviceId",
        "appleEnrollments.udid",
        "appleEnrollments.topic",
        "appleEnrollments.enabled",
        "appleEnrollments.awaitingConfiguration",
        "appleEnrollments.unlockToken",
        "appleEnrollments.bootstrapToken",
        "appleEnrollments.tokenUpdates",
        "appleEnrollments.createdAt as enrollmentCreatedAt",
        "appleEnrollments.authenticatedAt",
        "appleEnrollments.enabledAt",
        "appleEnrollments.checkedOutAt",
      ])
      .where("deviceCertificates.tenantId", "=", tenantId)
      .where("deviceCertificates.serialNumber", "=", serialNumber),
);

/** Devices still managed; a lost device keeps its identity so that it can be found and locked. */
const RENEWABLE_STATES = ["active", "inactive", "lost"];

const flag = (value: boolean | undefined) => (value === undefined ? undefined : value ? 1 : 0);

export function appleEnrollmentRepository({
  db,
  tenantId,
  dialect,
}: RepositoryContext): AppleEnrollmentRepository {
  const table = () => db.selectFrom("appleEnrollments").selectAll().where("tenantId", "=", tenantId);
  /**
   * Enabled enrollments of managed devices whose current identity ends before `at`: a certificate in
   * force ending before it, and none ending later. Read from the certificates' expiry index, so the
   * cost follows how many end soon, not the size of the fleet.
   */
  const identitiesEndingBefore = (at: number) =>
    db
      .selectFrom("deviceCertificates as c")
      .innerJoin("appleEnrollments as e", (j) =>
        j.onRef("e.tenantId", "=", "c.tenantId").onRef("e.deviceId", "=", "c.deviceId"),
      )
      .innerJoin("devices as d", (j) =>
        j.onRef("d.tenantId", "=", "c.tenantId").onRef("d.id", "=", "c.deviceId"),
      )
      .where("c.tenantId", "=", tenantId)
      .where("c.notAfter", "<", at)
      .where("c.revokedAt", "is", null)
      .where("e.enabled", "=", 1)
      .where("d.state", "in", RENEWABLE_STATES)
      .where(({ not, exists, selectFrom }) =>
        not(
          exists(
            selectFrom("deviceCertificates as later")
              .select("later.serialNumber")
              .whereRef("later.tenantId", "=", "c.tenantId")
              .whereRef("later.deviceId", "=", "c.deviceId")
              .where("later.revokedAt", "is", null)
              .where("later.notAfter", ">=", at),
          ),
        ),
      );
  return {
    async insert(enrollment, challenge) {
      await db
        .insertInto("appleEnrollments")
        .values({
          tenantId,
          deviceId: enrollment.deviceId,
          udid: enrollment.udid,
          topic: enrollment.topic,
          enabled: enrollment.enabled ? 1 : 0,
          awaitingConfiguration: enrollment.awaitingConfiguration ? 1 : 0,
          unlockToken: enrollment.unlockToken,
          bootstrapToken: enrollment.bootstrapToken,
          tokenUpdates: enrollment.tokenUpdates,
          challengeHash: challenge.challengeHash,
          challengeExpiresAt: challenge.expiresAt,
          createdAt: enrollment.createdAt,
          authenticatedAt: enrollment.authenticatedAt,
          enabledAt: enrollment.enabledAt,
          checkedOutAt: enrollment.checkedOutAt,
        })
        .execute();
    },
    async get(deviceId) {
      const row = await table().where("deviceId", "=", deviceId).executeTakeFirst();
      return row && toEnrollment(row);
    },
    async getByUdid(udid) {
      const row = await table().where("udid", "=", udid).executeTakeFirst();
      return row && toEnrollment(row);
    },
    async update(deviceId, patch) {
      const { countTokenUpdate, enabled, awaitingConfiguration, ...rest } = patch;
      await db
        .updateTable("appleEnrollments")
        .set((eb) => ({
          ...rest,
          ...(enabled === undefined ? {} : { enabled: flag(enabled) }),
          ...(awaitingConfiguration === undefined
            ? {}
            : { awaitingConfiguration: flag(awaitingConfiguration) }),
          ...(countTokenUpdate ? { tokenUpdates: eb("tokenUpdates", "+", 1) } : {}),
        }))
        .where("tenantId", "=", tenantId)
        .where("deviceId", "=", deviceId)
        .execute();
    },
    async consumeChallenge(challengeHash, now) {
      const row = await db
        .updateTable("appleEnrollments")
        .set({ challengeHash: null, challengeExpiresAt: null })
        .where("tenantId", "=", tenantId)
        .where("challengeHash", "=", challengeHash)
        .where("challengeExpiresAt", ">", now)
        .returning("deviceId")
        .executeTakeFirst();
      return row?.deviceId;
    },
    async findChallenge(challengeHash, now) {
      const row = await table()
        .where("challengeHash", "=", challengeHash)
        .where("challengeExpiresAt", ">", now)
        .executeTakeFirst();
      return row?.deviceId;
    },
    async setChallenge(challenge) {
      const result = await db
        .updateTable("appleEnrollments")
        .set({ challengeHash: challenge.challengeHash, challengeExpiresAt: challenge.expiresAt })
        .where("tenantId", "=", tenantId)
        .where("deviceId", "=", challenge.deviceId)
        .executeTakeFirst();
      return result.numUpdatedRows > 0n;
    },
    async dueForRenewal(expiringBefore, limit) {
      const rows = await identitiesEndingBefore(expiringBefore)
        .select("c.deviceId")
        .distinct()
        .where(({ not, exists, selectFrom }) =>
          not(
            exists(
              selectFrom("commands as m")
                .select("m.id")
                .whereRef("m.tenantId", "=", "c.tenantId")
                .whereRef("m.deviceId", "=", "c.deviceId")
                .where("m.type", "=", "renew_identity")
                .where("m.state", "in", ["pending", "delivered", "not_now"]),
            ),
          ),
        )
        .orderBy("c.deviceId")
        .limit(limit)
        .execute();
      return rows.map((row) => row.deviceId);
    },
    async countIdentitiesEndingBefore(at) {
      const row = await identitiesEndingBefore(at)
        .select((eb) => eb.fn.count<number | string>("c.deviceId").distinct().as("n"))
        .executeTakeFirstOrThrow();
      return Number(row.n);
    },
    async byCertificate(serialNumber) {
      const row = (await byCertificateQuery.run({ db, dialect }, tenantId, serialNumber)).rows[0];
      if (!row) return undefined;
      const enrollment =
        row.enrollmentDeviceId === null
          ? undefined
          : toEnrollment({
              tenantId,
              deviceId: row.enrollmentDeviceId,
              udid: row.udid,
              topic: row.topic,
              enabled: row.enabled!,
              awaitingConfiguration: row.awaitingConfiguration!,
              unlockToken: row.unlockToken,
              bootstrapToken: row.bootstrapToken,
              tokenUpdates: row.tokenUpdates!,
              challengeHash: null,
              challengeExpiresAt: null,
              createdAt: row.enrollmentCreatedAt!,
              authenticatedAt: row.authenticatedAt,
              enabledAt: row.enabledAt,
              checkedOutAt: row.checkedOutAt,
            });
      const revokedAt = row.certificateRevokedAt === null ? null : Number(row.certificateRevokedAt);
      const device = toDevice(
        Object.fromEntries(
          DEVICE_COLUMNS.map((column) => [column.slice(8), row[column.slice(8) as keyof typeof row]]),
        ) as Parameters<typeof toDevice>[0],
      );
      return { revokedAt, device, enrollment };
    },
    async delete(deviceId) {
      await db
        .deleteFrom("appleEnrollments")
        .where("tenantId", "=", tenantId)
        .where("deviceId", "=", deviceId)
        .execute();
    },
  };
}
