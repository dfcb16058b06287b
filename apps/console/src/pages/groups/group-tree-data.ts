import { api, unwrap } from "../../api/client";
import type { Group } from "../../api/types";

export interface GroupNode {
  group: Group;
  children: GroupNode[];
}

async function allPages<T>(
  fetchPage: (cursor: string | undefined) => Promise<{ items: T[]; nextCursor?: string }>,
): Promise<T[]> {
  const items: T[] = [];
  let cursor: string | undefined;
  do {
    const page = await fetchPage(cursor);
    items.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return items;
}

/** Runs the tasks at most `width` at a time. */
async function inParallel<T, R>(items: T[], width: number, task: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await task(items[i]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(width, items.length) }, worker));
  return results;
}

/** Every group with its nested groups: roots are the groups no other group contains. */
export async function loadGroupTree(): Promise<GroupNode[]> {
  const groups = await allPages((cursor) =>
    unwrap(api.GET("/api/v1/groups", { params: { query: { limit: 500, ...(cursor ? { cursor } : {}) } } })),
  );
  const childIds = await inParallel(groups, 6, async (g) =>
    (
      await allPages((cursor) =>
        unwrap(
          api.GET("/api/v1/groups/{id}/members", {
            params: { path: { id: g.id }, query: { limit: 500, ...(cursor ? { cursor } : {}) } },
          }),
        ),
      )
    )
      .filter((m) => m.type === "group")
      .map((m) => m.id),
  );
  return buildTree(groups, childIds);
}

export function buildTree(groups: Group[], childIds: string[][]): GroupNode[] {
  const byId = new Map(groups.map((g) => [g.id, g]));
  const children = new Map(groups.map((g, i) => [g.id, childIds[i] ?? []]));
  const nested = new Set(childIds.flat());
  const node = (group: Group, path: Set<string>): GroupNode => ({
    group,
    children: (children.get(group.id) ?? [])
      .filter((id) => byId.has(id) && !path.has(id))
      .map((id) => node(byId.get(id)!, new Set([...path, id])))
      .sort((a, b) => a.group.name.localeCompare(b.group.name)),
  });
  return groups
    .filter((g) => !nested.has(g.id))
    .map((g) => node(g, new Set([g.id])))
    .sort((a, b) => a.group.name.localeCompare(b.group.name));
}
