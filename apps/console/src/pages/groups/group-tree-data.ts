import { api, unwrap } from "../../api/client";
import type { Group } from "../../api/types";

export interface GroupNode {
  group: Group;
  children: GroupNode[];
}

type TreeItem = Group & { childGroupIds: string[] };

/** Every group with its nested groups, in one request: roots are the groups no other group contains. */
export async function loadGroupTree(): Promise<GroupNode[]> {
  const { items } = await unwrap(api.GET("/api/v1/groups/tree"));
  return buildTree(items);
}

/** Groups come sorted by name, and so do each group's children. A loop is cut where it would repeat. */
export function buildTree(items: TreeItem[]): GroupNode[] {
  const byId = new Map(items.map((item) => [item.id, item]));
  const nested = new Set(items.flatMap((item) => item.childGroupIds));
  const shown = new Set<string>();
  const node = ({ childGroupIds, ...group }: TreeItem, path: Set<string>): GroupNode => {
    shown.add(group.id);
    return {
      group,
      children: childGroupIds
        .filter((id) => byId.has(id) && !path.has(id))
        .map((id) => node(byId.get(id)!, new Set([...path, id]))),
    };
  };
  const roots = items.filter((item) => !nested.has(item.id)).map((item) => node(item, new Set([item.id])));
  // Groups that only contain each other (a loop from a directory) have no root: each is shown as one.
  const unreached = items.filter((item) => !shown.has(item.id));
  for (const item of unreached) if (!shown.has(item.id)) roots.push(node(item, new Set([item.id])));
  return roots.sort((a, b) => a.group.name.localeCompare(b.group.name));
}
