import { Anchor, Card, Group, Text } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { Link } from "react-router";
import { api, unwrap } from "../../api/client";
import { ErrorAlert } from "../../components/error-alert";
import { Loading } from "../../components/loading";

export function UserGroups({ userId }: { userId: string }) {
  const groups = useQuery({
    queryKey: ["groups", "of-user", userId],
    queryFn: () => unwrap(api.GET("/api/v1/users/{id}/groups", { params: { path: { id: userId } } })),
  });
  return (
    <Card withBorder>
      <Text fw={600} mb="sm">
        Groups
      </Text>
      {groups.isPending ? (
        <Loading height={80} />
      ) : groups.isError ? (
        <ErrorAlert error={groups.error} />
      ) : groups.data.items.length === 0 ? (
        <Text size="sm" c="dimmed">
          Not in any group. Add the user to a group on the Groups page so group policies reach them.
        </Text>
      ) : (
        <Group gap="xs" data-testid="user-groups">
          {groups.data.items.map((g) => (
            <Anchor key={g.id} component={Link} to={`/groups/${g.id}`} size="sm">
              {g.name}
            </Anchor>
          ))}
        </Group>
      )}
    </Card>
  );
}
