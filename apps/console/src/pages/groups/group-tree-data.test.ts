import { describe, expect, it } from "vitest";
import { buildTree } from "./group-tree-data";

const group = (id: string, name: string, childGroupIds: string[] = []) => ({
  id,
  name,
  description: "",
  source: "local" as const,
  externalId: null,
  createdAt: 0,
  updatedAt: 0,
  childGroupIds,
});
const shape = (nodes: ReturnType<typeof buildTree>): unknown =>
  nodes.map((n) => [n.group.name, shape(n.children)]);

describe("the group tree", () => {
  it("puts nested groups under each group that holds them, and the others at the root", () => {
    const tree = buildTree([
      group("a", "Company", ["s"]),
      group("e", "EMEA", []),
      group("s", "Sales", ["e"]),
      group("x", "Sites", ["e"]),
    ]);
    expect(shape(tree)).toEqual([
      ["Company", [["Sales", [["EMEA", []]]]]],
      ["Sites", [["EMEA", []]]],
    ]);
    expect(tree[0]!.group).not.toHaveProperty("childGroupIds");
  });

  it("stops a loop where it would come round again", () => {
    const tree = buildTree([group("r", "Root", ["a"]), group("a", "A", ["b"]), group("b", "B", ["a"])]);
    expect(shape(tree)).toEqual([["Root", [["A", [["B", []]]]]]]);
    const rootless = buildTree([group("a", "A", ["b"]), group("b", "B", ["a"])]);
    expect(shape(rootless)).toEqual([["A", [["B", []]]]]);
  });
});
