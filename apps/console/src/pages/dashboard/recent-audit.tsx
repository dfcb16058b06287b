import { Anchor, Card, Group, Table, Text } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { Link } from "react-router";
import { api, unwrap } from "../../api/client";
import { useCan } from "../../api/me";
import { ErrorAlert } from "../../components/error-alert";
import { formatRelative } from "../../components/format";
import { Loading } from "../../components/loading";

export function RecentAudit() {
  const allowed = useCan("audit:read");
  const events = useQuery({
    queryKey: ["audit", "recent"],
    queryFn: () => unwrap(api.GET("/api/v1/audit-events", { params: { query: { limit: 8 } } })),
    enabled: allowed,
  });
  if (!allowed) return null;
  return (
    <Card withBorder padding="md" radius="md">
      <Group justify="space-between" mb="sm">
        <Text fw={600}>Recent activity</Text>
        <Anchor component={Link} to="/audit" size="sm">
          Whole audit log
        </Anchor>
      </Group>
      {events.isPending ? (
        <Loading height={120} />
      ) : events.isError ? (
        <ErrorAlert error={events.error} />
      ) : (
        <Table.ScrollContainer minWidth={560}>
          <Table verticalSpacing={6} data-testid="recent-audit">
            <Table.Tbody>
              {events.data.items.map((event) => (
                <Table.Tr key={event.id}>
                  <Table.Td w={130}>
                    <Text size="sm" c="dimmed">
                      {formatRelative(event.at)}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{event.actorLabel}</Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" ff="monospace">
                      {event.action}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{event.targetLabel ?? ""}</Text>
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
