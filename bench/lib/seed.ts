import type { DeviceRecord, Store, UserRecord } from "@meridian/core";

/** Rows per transaction: large enough that commits do not dominate, small enough to keep memory flat. */
const ROWS_PER_TRANSACTION = 10_000;

async function inTransactions<T>(
  store: Store,
  rows: T[],
  write: (store: Store, batch: T[]) => Promise<void>,
): Promise<void> {
  for (let i = 0; i < rows.length; i += ROWS_PER_TRANSACTION) {
    const batch = rows.slice(i, i + ROWS_PER_TRANSACTION);
    await store.transaction((trx) => write(trx, batch));
  }
}

/** Writes users, then devices, through the repositories' bulk inserts; returns how long each took in ms. */
export async function seedFleet(
  store: Store,
  tenantId: string,
  users: UserRecord[],
  devices: DeviceRecord[],
): Promise<{ usersMs: number; devicesMs: number }> {
  const t0 = performance.now();
  await inTransactions(store, users, (trx, batch) => trx.forTenant(tenantId).users.insertMany(batch));
  const t1 = performance.now();
  await inTransactions(store, devices, (trx, batch) => trx.forTenant(tenantId).devices.insertMany(batch));
  const t2 = performance.now();
  return { usersMs: t1 - t0, devicesMs: t2 - t1 };
}
