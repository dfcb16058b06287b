import { Anchor, Card, Table, Text } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { Link } from "react-router";
import { api, unwrap } from "../../api/client";
import { ErrorAlert } from "../../components/error-alert";
import { formatRelative, PLATFORM_LABELS } from "../../components/format";
import { Loading } from "../../components/loading";
import { StateBadge } from "../../components/state-badge";

export function UserDevices({ userId }: { userId: string }) {
  const devices = useQuery({
    queryKey: ["devices", "of-user", userId],
    queryFn: () =>
      unwrap(
        api.GET("/api/v1/users/{id}/devices", { params: { path: { id: userId }, query: { limit: 100 } } }),
      ),
    refetchInterval: 5_000,
  });
  return (
    <Card withBorder>
      <Text fw={600} mb="sm">
        Devices
      </Text>
      {devices.isPending ? (
        <Loading height={80} />
      ) : devices.isError ? (
        <ErrorAlert error={devices.error} />
      ) : devices.data.items.length === 0 ? (
        <Text size="sm" c="dimmed">
          No devices yet. Create an activation above and have the user activate a device with its password or
          QR code.
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={420}>
          <Table data-testid="user-devices" verticalSpacing="xs">
            <Table.Tbody>
              {devices.data.items.map((d) => (
                <Table.Tr key={d.id}>
                  <Table.Td>
                    <Anchor component={Link} to={`/devices/${d.id}`} size="sm">
                      {d.name}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">
                      {PLATFORM_LABELS[d.platform]} {d.osVersion ?? ""}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <StateBadge state={d.state} />
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" c="dimmed">
                      {formatRelative(d.lastSeenAt)}
                    </Text>
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
