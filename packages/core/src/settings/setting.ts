export interface SettingRepository {
  get(key: string): Promise<string | undefined>;
  set(key: string, value: string, updatedAt: number): Promise<void>;
}
