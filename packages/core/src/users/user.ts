import type { Page, PageRequest } from "../shared/paging.js";

/** Where a user record comes from; only `local` users are edited here, the others by their directory sync. */
export const USER_SOURCES = ["local", "ldap", "entra", "scim"] as const;
export type UserSource = (typeof USER_SOURCES)[number];

export interface User {
  id: string;
  tenantId: string;
  email: string;
  displayName: string;
  givenName: string | null;
  familyName: string | null;
  source: UserSource;
  externalId: string | null;
  createdAt: number;
  updatedAt: number;
}

export interface UserRecord extends User {
  searchText: string;
}

export interface UserQuery {
  /** Exactly this email (compared as stored: trimmed, lower-case). */
  email?: string | undefined;
  /** Case-insensitive substring of email, display name, given or family name. */
  text?: string | undefined;
  source?: UserSource | undefined;
}

export type UserPatch = Partial<Pick<User, "email" | "displayName" | "givenName" | "familyName">>;

export interface UserRepository {
  insert(user: UserRecord): Promise<void>;
  /** Inserts every row in one statement batch; callers have already removed duplicates. */
  insertMany(users: UserRecord[]): Promise<void>;
  get(id: string): Promise<User | undefined>;
  getByEmail(email: string): Promise<User | undefined>;
  existingEmails(emails: string[]): Promise<Set<string>>;
  update(id: string, patch: UserPatch & { searchText: string; updatedAt: number }): Promise<void>;
  delete(id: string): Promise<boolean>;
  list(query: UserQuery, page: PageRequest): Promise<Page<User>>;
}
