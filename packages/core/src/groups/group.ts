import type { Page, PageRequest } from "../shared/paging.js";
import type { UserSource } from "../users/user.js";

export interface Group {
  id: string;
  tenantId: string;
  name: string;
  description: string;
  source: UserSource;
  externalId: string | null;
  createdAt: number;
  updatedAt: number;
}

export type MemberType = "user" | "group";

export interface MemberRef {
  type: MemberType;
  id: string;
}

export interface GroupMember extends MemberRef {
  /** Email of a user member, name of a group member. */
  label: string;
  addedAt: number;
}

/** A group with the groups nested directly inside it: one node of the group tree. */
export interface GroupNode extends Group {
  childGroupIds: string[];
}

export interface GroupRepository {
  insert(group: Group): Promise<void>;
  get(id: string): Promise<Group | undefined>;
  getByName(name: string): Promise<Group | undefined>;
  update(
    id: string,
    patch: Partial<Pick<Group, "name" | "description">> & { updatedAt: number },
  ): Promise<void>;
  /** Deletes the group and every membership it takes part in, as container or as member. */
  delete(id: string): Promise<boolean>;
  list(query: { text?: string | undefined }, page: PageRequest): Promise<Page<Group>>;
  /** Returns false when the member was already there. */
  addMember(groupId: string, member: MemberRef, addedAt: number): Promise<boolean>;
  removeMember(groupId: string, member: MemberRef): Promise<boolean>;
  /** Removes a user from every group it is directly in (when the user is deleted). */
  removeUserEverywhere(userId: string): Promise<void>;
  listMembers(groupId: string, page: PageRequest): Promise<Page<GroupMember>>;
  /** Every group by name, each with the ids of the groups directly inside it (by name too). */
  listTree(): Promise<GroupNode[]>;
  /** Ids of the groups nested inside this one, at any depth (the group itself excluded). */
  descendantGroupIds(groupId: string): Promise<string[]>;
  /** Users who are members directly or through nested groups, each once, even if the groups form a loop. */
  listEffectiveUsers(
    groupId: string,
    page: PageRequest,
  ): Promise<Page<{ id: string; email: string; displayName: string }>>;
  /** Every group the user belongs to, directly or through nesting. */
  effectiveGroupsOfUser(userId: string): Promise<Group[]>;
}
