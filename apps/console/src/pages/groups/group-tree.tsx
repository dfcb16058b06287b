import { NavLink } from "@mantine/core";
import { Link } from "react-router";
import type { GroupNode } from "./group-tree-data";

export function GroupTree({ nodes, selected }: { nodes: GroupNode[]; selected: string | undefined }) {
  return (
    <div data-testid="group-tree" role="tree">
      {nodes.map((node) => (
        <TreeNode key={node.group.id} node={node} selected={selected} />
      ))}
    </div>
  );
}

function TreeNode({ node, selected }: { node: GroupNode; selected: string | undefined }) {
  return (
    <NavLink
      component={Link}
      to={`/groups/${node.group.id}`}
      label={node.group.name}
      description={node.group.description || undefined}
      active={node.group.id === selected}
      defaultOpened
      childrenOffset={20}
      role="treeitem"
    >
      {node.children.length > 0
        ? node.children.map((child) => <TreeNode key={child.group.id} node={child} selected={selected} />)
        : undefined}
    </NavLink>
  );
}
