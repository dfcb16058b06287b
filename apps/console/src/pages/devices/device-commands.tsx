import { Button, Card, Table, Text, Tooltip } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api, unwrap } from "../../api/client";
import { useCan } from "../../api/me";
import { describeError } from "../../api/problem";
import { ErrorAlert } from "../../components/error-alert";
import { formatDateTime } from "../../components/format";
import { Loading } from "../../components/loading";
import { StateBadge } from "../../components/state-badge";
import { COMMAND_LABELS } from "./command-types";

const OPEN = new Set(["pending", "delivered", "not_now"]);

/** The device's commands, newest first, followed closely while any is still on its way. */
export function DeviceCommands({ deviceId }: { deviceId: string }) {
  const queryClient = useQueryClient();
  const canCommand = useCan("devices:command");
  const commands = useQuery({
    queryKey: ["devices", deviceId, "commands"],
    queryFn: () =>
      unwrap(
        api.GET("/api/v1/devices/{id}/commands", {
          params: { path: { id: deviceId }, query: { limit: 50 } },
        }),
      ),
    refetchInterval: (query) => (query.state.data?.items.some((c) => OPEN.has(c.state)) ? 1_500 : 15_000),
  });
  const cancel = useMutation({
    mutationFn: (id: string) =>
      unwrap(api.POST("/api/v1/commands/{id}/cancel", { params: { path: { id } } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ["devices", deviceId, "commands"] }),
    onError: (error) => notifications.show({ color: "red", ...describeError(error) }),
  });
  return (
    <Card withBorder>
      <Text fw={600} mb="sm">
        Commands
      </Text>
      {commands.isPending ? (
        <Loading height={80} />
      ) : commands.isError ? (
        <ErrorAlert error={commands.error} />
      ) : commands.data.items.length === 0 ? (
        <Text size="sm" c="dimmed">
          No commands sent yet. Use “Send command” to lock, restart or refresh this device.
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={640}>
          <Table verticalSpacing="xs" data-testid="device-commands">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Command</Table.Th>
                <Table.Th>State</Table.Th>
                <Table.Th>Sent</Table.Th>
                <Table.Th>By</Table.Th>
                <Table.Th>Completed</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {commands.data.items.map((c) => (
                <Table.Tr key={c.id} data-command-type={c.type}>
                  <Table.Td>{COMMAND_LABELS[c.type] ?? c.type}</Table.Td>
                  <Table.Td>
                    <Tooltip label={c.error?.message ?? ""} disabled={!c.error}>
                      <span>
                        <StateBadge state={c.state} />
                      </span>
                    </Tooltip>
                  </Table.Td>
                  <Table.Td>{formatDateTime(c.createdAt)}</Table.Td>
                  <Table.Td>{c.createdBy}</Table.Td>
                  <Table.Td>{formatDateTime(c.completedAt)}</Table.Td>
                  <Table.Td ta="right">
                    {canCommand && (c.state === "pending" || c.state === "not_now") && (
                      <Button size="xs" variant="subtle" color="gray" onClick={() => cancel.mutate(c.id)}>
                        Cancel
                      </Button>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Card>
  );
}
