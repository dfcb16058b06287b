import { ActionIcon, Anchor, Badge, Card, Group, Table, Text } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Link } from "react-router";
import { api, unwrap } from "../../api/client";
import { useCan } from "../../api/me";
import { describeError } from "../../api/problem";
import { ErrorAlert } from "../../components/error-alert";
import { Loading } from "../../components/loading";
import { AddMemberForm } from "./add-member-form";

export function GroupMembers({ groupId }: { groupId: string }) {
  const queryClient = useQueryClient();
  const canWrite = useCan("groups:write");
  const group = useQuery({
    queryKey: ["groups", groupId],
    queryFn: () => unwrap(api.GET("/api/v1/groups/{id}", { params: { path: { id: groupId } } })),
  });
  const members = useQuery({
    queryKey: ["groups", groupId, "members"],
    queryFn: () =>
      unwrap(
        api.GET("/api/v1/groups/{id}/members", { params: { path: { id: groupId }, query: { limit: 500 } } }),
      ),
  });
  const remove = useMutation({
    mutationFn: (m: { type: "user" | "group"; id: string }) =>
      unwrap(
        api.DELETE("/api/v1/groups/{id}/members/{type}/{memberId}", {
          params: { path: { id: groupId, type: m.type, memberId: m.id } },
        }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ["groups"] }),
    onError: (error) => notifications.show({ color: "red", ...describeError(error) }),
  });
  if (group.isError) return <ErrorAlert error={group.error} />;
  return (
    <Card withBorder>
      <Text fw={600}>{group.data?.name ?? "…"}</Text>
      {group.data?.description && (
        <Text size="sm" c="dimmed">
          {group.data.description}
        </Text>
      )}
      {canWrite && <AddMemberForm groupId={groupId} />}
      {members.isPending ? (
        <Loading height={80} />
      ) : members.isError ? (
        <ErrorAlert error={members.error} />
      ) : members.data.items.length === 0 ? (
        <Text size="sm" c="dimmed" mt="md">
          No members yet. Add users by email, or nest another group inside this one.
        </Text>
      ) : (
        <Table mt="md" verticalSpacing="xs" data-testid="group-members">
          <Table.Tbody>
            {members.data.items.map((m) => (
              <Table.Tr key={`${m.type}:${m.id}`}>
                <Table.Td>
                  <Group gap="xs">
                    <Badge size="sm" variant="light" color={m.type === "group" ? "grape" : "blue"}>
                      {m.type}
                    </Badge>
                    <Anchor
                      component={Link}
                      to={m.type === "user" ? `/users/${m.id}` : `/groups/${m.id}`}
                      size="sm"
                    >
                      {m.label}
                    </Anchor>
                  </Group>
                </Table.Td>
                <Table.Td ta="right">
                  {canWrite && (
                    <ActionIcon
                      variant="subtle"
                      color="red"
                      aria-label={`Remove ${m.label}`}
                      onClick={() => remove.mutate(m)}
                    >
                      ×
                    </ActionIcon>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Card>
  );
}
