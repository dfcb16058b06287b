import type { Permission } from "./permissions.js";

export interface CustomRole {
  id: string;
  tenantId: string;
  name: string;
  description: string;
  permissions: Permission[];
  createdAt: number;
  updatedAt: number;
}

export interface RoleRepository {
  insert(role: CustomRole): Promise<void>;
  get(id: string): Promise<CustomRole | undefined>;
  getByName(name: string): Promise<CustomRole | undefined>;
  update(
    id: string,
    patch: Partial<Pick<CustomRole, "name" | "description" | "permissions">> & { updatedAt: number },
  ): Promise<void>;
  delete(id: string): Promise<boolean>;
  list(): Promise<CustomRole[]>;
}
