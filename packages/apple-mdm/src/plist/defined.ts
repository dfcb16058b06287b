/** Drops keys whose value is undefined, so a parsed message lists only what the device sent. */
export function defined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
