export interface SettingRepository {
  get(key: string): Promise<string | undefined>;
  set(key: string, value: string, updatedAt: number): Promise<void>;
  /** Stores the value only if the key has none yet; true when this call stored it. */
  insertIfAbsent(key: string, value: string, updatedAt: number): Promise<boolean>;
}
