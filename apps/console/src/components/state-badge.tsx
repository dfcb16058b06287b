import { Badge } from "@mantine/core";
import { STATE_COLORS } from "./format";

export function StateBadge({ state }: { state: string }) {
  return (
    <Badge color={STATE_COLORS[state] ?? "gray"} variant="light" data-state={state}>
      {state.replace(/_/g, " ")}
    </Badge>
  );
}
