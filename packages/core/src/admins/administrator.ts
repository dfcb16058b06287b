import type { Page, PageRequest } from "../shared/paging.js";

export interface Administrator {
  id: string;
  tenantId: string;
  email: string;
  displayName: string;
  roleId: string;
  disabled: boolean;
  lastLoginAt: number | null;
  createdAt: number;
  updatedAt: number;
}

export interface AdministratorRecord extends Administrator {
  passwordHash: string;
}

export interface AdministratorRepository {
  insert(admin: AdministratorRecord): Promise<void>;
  get(id: string): Promise<Administrator | undefined>;
  getRecord(id: string): Promise<AdministratorRecord | undefined>;
  getByEmail(email: string): Promise<Administrator | undefined>;
  update(
    id: string,
    patch: Partial<
      Pick<AdministratorRecord, "displayName" | "roleId" | "disabled" | "passwordHash" | "lastLoginAt">
    > & {
      updatedAt: number;
    },
  ): Promise<void>;
  delete(id: string): Promise<boolean>;
  list(page: PageRequest): Promise<Page<Administrator>>;
  countActiveWithRole(roleId: string): Promise<number>;
  countWithRole(roleId: string): Promise<number>;
}
