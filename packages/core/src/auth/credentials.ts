import type { AdministratorRecord } from "../admins/administrator.js";

export interface Session {
  id: string;
  tenantId: string;
  adminId: string;
  tokenHash: string;
  createdAt: number;
  expiresAt: number;
  lastUsedAt: number;
  ip: string | null;
}

export interface ApiToken {
  id: string;
  tenantId: string;
  adminId: string;
  name: string;
  /** First characters of the token, shown so a person can tell tokens apart. */
  prefix: string;
  createdAt: number;
  expiresAt: number | null;
  lastUsedAt: number | null;
  revokedAt: number | null;
}

export interface ApiTokenRecord extends ApiToken {
  tokenHash: string;
}

/** Tenant-scoped credential storage. */
export interface CredentialRepository {
  insertSession(session: Session): Promise<void>;
  deleteSession(id: string): Promise<void>;
  deleteSessionsOfAdmin(adminId: string): Promise<void>;
  touchSession(id: string, at: number): Promise<void>;
  insertApiToken(token: ApiTokenRecord): Promise<void>;
  listApiTokens(adminId?: string): Promise<ApiToken[]>;
  getApiToken(id: string): Promise<ApiToken | undefined>;
  revokeApiToken(id: string, at: number): Promise<boolean>;
  touchApiToken(id: string, at: number): Promise<void>;
}

/**
 * Look-ups made before the tenant is known: a bearer token or a login email could belong to any tenant.
 * These are the only reads that cross tenants, and each returns the tenant it found.
 */
export interface CredentialLookup {
  administratorsByEmail(email: string): Promise<AdministratorRecord[]>;
  sessionByTokenHash(tokenHash: string): Promise<Session | undefined>;
  apiTokenByHash(tokenHash: string): Promise<ApiTokenRecord | undefined>;
}
