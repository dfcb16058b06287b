import { Group, Progress, Stack, Text } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { api, unwrap } from "../api/client";
import { ErrorAlert } from "./error-alert";

const FINISHED = ["acknowledged", "error", "expired", "cancelled"] as const;

/** How a bulk send is going: how many devices answered, followed while any is still on its way. */
export function BatchProgress({ batchId }: { batchId: string }) {
  const progress = useQuery({
    queryKey: ["command-batches", batchId],
    queryFn: () => unwrap(api.GET("/api/v1/commands/batches/{id}", { params: { path: { id: batchId } } })),
    refetchInterval: (query) => {
      const data = query.state.data;
      return data && finishedCount(data.states) >= data.total ? false : 3_000;
    },
  });
  if (progress.isError) return <ErrorAlert error={progress.error} />;
  if (!progress.data) return null;
  const { total, states } = progress.data;
  const done = finishedCount(states);
  return (
    <Stack gap={4} data-testid="batch-progress">
      <Progress value={total ? (100 * done) / total : 0} />
      <Group gap="md">
        <Text size="xs">
          {done} of {total} answered
        </Text>
        {Object.entries(states).map(([state, count]) => (
          <Text key={state} size="xs" c="dimmed">
            {state.replace("_", " ")}: {count}
          </Text>
        ))}
      </Group>
    </Stack>
  );
}

function finishedCount(states: Partial<Record<string, number>>): number {
  return FINISHED.reduce((sum, state) => sum + (states[state] ?? 0), 0);
}
