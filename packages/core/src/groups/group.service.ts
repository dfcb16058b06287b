import type { Actor } from "../access/actor.js";
import { changeAndAudit, type CoreDeps } from "../shared/context.js";
import { MeridianError, conflict, invalid, notFound } from "../shared/errors.js";
import { newId } from "../shared/ids.js";
import { pageRequest, type Page } from "../shared/paging.js";
import type { TenantStore } from "../store.js";
import type { User } from "../users/user.js";
import type { Group, GroupMember, GroupNode, MemberRef } from "./group.js";

export interface NewGroup {
  name: string;
  description?: string | undefined;
}

function checkName(name: string): string {
  const trimmed = name.trim();
  if (trimmed.length === 0 || trimmed.length > 200) {
    throw invalid("invalid_group", "name must be 1 to 200 characters", [
      { field: "name", message: "must be 1 to 200 characters" },
    ]);
  }
  return trimmed;
}

export class GroupService {
  constructor(private readonly deps: CoreDeps) {}

  async create(actor: Actor, input: NewGroup): Promise<Group> {
    const now = this.deps.clock.now();
    const group: Group = {
      id: newId(now),
      tenantId: actor.tenantId,
      name: checkName(input.name),
      description: input.description?.trim() ?? "",
      source: "local",
      externalId: null,
      createdAt: now,
      updatedAt: now,
    };
    return changeAndAudit(this.deps, actor, async (tenant, audit) => {
      if (await tenant.groups.getByName(group.name))
        throw conflict("group_exists", `A group named "${group.name}" already exists.`);
      await tenant.groups.insert(group);
      audit("group.create", { type: "group", id: group.id, label: group.name });
      return group;
    });
  }

  async get(actor: Actor, id: string): Promise<Group> {
    const group = await this.deps.store.forTenant(actor.tenantId).groups.get(id);
    if (!group) throw notFound("group", id);
    return group;
  }

  async update(
    actor: Actor,
    id: string,
    patch: { name?: string | undefined; description?: string | undefined },
  ): Promise<Group> {
    return changeAndAudit(this.deps, actor, async (tenant, audit) => {
      const group = await tenant.groups.get(id);
      if (!group) throw notFound("group", id);
      const name = patch.name === undefined ? group.name : checkName(patch.name);
      if (name !== group.name && (await tenant.groups.getByName(name))) {
        throw conflict("group_exists", `A group named "${name}" already exists.`);
      }
      const next = {
        ...group,
        name,
        description: patch.description?.trim() ?? group.description,
        updatedAt: this.deps.clock.now(),
      };
      await tenant.groups.update(id, {
        name: next.name,
        description: next.description,
        updatedAt: next.updatedAt,
      });
      audit("group.update", { type: "group", id, label: name });
      return next;
    });
  }

  async delete(actor: Actor, id: string): Promise<void> {
    await changeAndAudit(this.deps, actor, async (tenant, audit) => {
      const group = await tenant.groups.get(id);
      if (!group) throw notFound("group", id);
      await tenant.groups.delete(id);
      audit("group.delete", { type: "group", id, label: group.name });
    });
  }

  async list(
    actor: Actor,
    query: { text?: string | undefined },
    paging: { limit?: number; cursor?: string },
  ): Promise<Page<Group>> {
    const text = query.text?.trim().toLowerCase() || undefined;
    return this.deps.store.forTenant(actor.tenantId).groups.list({ text }, pageRequest(paging));
  }

  /** The whole tree in one answer: a console draws it without asking for each group's members. */
  async tree(actor: Actor): Promise<GroupNode[]> {
    return this.deps.store.forTenant(actor.tenantId).groups.listTree();
  }

  async addMember(actor: Actor, groupId: string, member: MemberRef): Promise<GroupMember> {
    return changeAndAudit(this.deps, actor, async (tenant, audit) => {
      const group = await tenant.groups.get(groupId);
      if (!group) throw notFound("group", groupId);
      const label = await this.memberLabel(tenant, member);
      if (member.type === "group") {
        // Nesting B inside A is a loop when A is B itself or already sits somewhere inside B.
        const inside = await tenant.groups.descendantGroupIds(member.id);
        if (member.id === groupId || inside.includes(groupId)) {
          throw conflict(
            "group_cycle",
            `"${label}" already contains "${group.name}"; nesting it there would make a loop.`,
          );
        }
      }
      const now = this.deps.clock.now();
      const added = await tenant.groups.addMember(groupId, member, now);
      if (added)
        audit(
          "group.member_add",
          { type: "group", id: groupId, label: group.name },
          { member: { ...member, label } },
        );
      return { ...member, label, addedAt: now };
    });
  }

  async removeMember(actor: Actor, groupId: string, member: MemberRef): Promise<void> {
    await changeAndAudit(this.deps, actor, async (tenant, audit) => {
      const group = await tenant.groups.get(groupId);
      if (!group) throw notFound("group", groupId);
      if (!(await tenant.groups.removeMember(groupId, member))) {
        throw new MeridianError(
          "not_found",
          "member_not_found",
          `That ${member.type} is not a direct member of "${group.name}".`,
        );
      }
      audit("group.member_remove", { type: "group", id: groupId, label: group.name }, { member });
    });
  }

  async listMembers(
    actor: Actor,
    groupId: string,
    paging: { limit?: number; cursor?: string },
  ): Promise<Page<GroupMember>> {
    const tenant = this.deps.store.forTenant(actor.tenantId);
    if (!(await tenant.groups.get(groupId))) throw notFound("group", groupId);
    return tenant.groups.listMembers(groupId, pageRequest(paging));
  }

  async listEffectiveUsers(
    actor: Actor,
    groupId: string,
    paging: { limit?: number; cursor?: string },
  ): Promise<Page<Pick<User, "id" | "email" | "displayName">>> {
    const tenant = this.deps.store.forTenant(actor.tenantId);
    if (!(await tenant.groups.get(groupId))) throw notFound("group", groupId);
    return tenant.groups.listEffectiveUsers(groupId, pageRequest(paging));
  }

  async groupsOfUser(actor: Actor, userId: string): Promise<Group[]> {
    const tenant = this.deps.store.forTenant(actor.tenantId);
    if (!(await tenant.users.get(userId))) throw notFound("user", userId);
    return tenant.groups.effectiveGroupsOfUser(userId);
  }

  private async memberLabel(tenant: TenantStore, member: MemberRef): Promise<string> {
    if (member.type === "user") {
      const user = await tenant.users.get(member.id);
      if (!user) throw notFound("user", member.id);
      return user.email;
    }
    const group = await tenant.groups.get(member.id);
    if (!group) throw notFound("group", member.id);
    return group.name;
  }
}
