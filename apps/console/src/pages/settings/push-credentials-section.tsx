import { Alert, Badge, Button, Card, Group, Stack, Table, Text } from "@mantine/core";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api, unwrap } from "../../api/client";
import { ErrorAlert } from "../../components/error-alert";
import { formatDateTime } from "../../components/format";
import { Loading } from "../../components/loading";
import { useCan } from "../../api/me";
import { expiresSoon, pushCredentialsQuery } from "../dashboard/warnings";
import { PushCredentialsForm } from "./push-credentials-form";

const SERVICES = [
  { service: "fcm", name: "Firebase Cloud Messaging", wakes: "Android devices" },
  { service: "apns", name: "Apple Push Notification service", wakes: "iPhones, iPads and Macs" },
  { service: "wns", name: "Windows Push Notification Services", wakes: "Windows devices" },
] as const;

/**
 * The push credentials the relay holds for this server: which services can wake devices, and which
 * app or project they belong to. The secrets are never shown again once uploaded.
 */
export function PushCredentialsSection() {
  const client = useQueryClient();
  const held = useQuery(pushCredentialsQuery);
  const remove = useMutation({
    mutationFn: (service: "fcm" | "apns" | "wns") =>
      unwrap(api.DELETE("/api/v1/push/credentials/{service}", { params: { path: { service } } })),
    onSuccess: () => client.invalidateQueries({ queryKey: pushCredentialsQuery.queryKey }),
  });
  const canWrite = useCan("settings:write");
  if (held.isPending) return <Loading height={120} />;
  return (
    <Stack data-testid="push-credentials">
      <Card withBorder>
        <Text fw={600} mb="xs">
          Push services
        </Text>
        <Text size="sm" c="dimmed" mb="sm">
          Devices are woken by push when a command waits for them. The relay sends the pushes with the
          credentials below; it keeps them sealed and never gives them back. A push carries only the wake-up.
        </Text>
        {held.isError ? (
          <ErrorAlert error={held.error} />
        ) : (
          <Table>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Service</Table.Th>
                <Table.Th>Wakes</Table.Th>
                <Table.Th>Credentials</Table.Th>
                <Table.Th>Updated</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {SERVICES.map(({ service, name, wakes }) => {
                const found = held.data.items.find((c) => c.service === service);
                return (
                  <Table.Tr key={service} data-testid={`push-${service}`}>
                    <Table.Td>{name}</Table.Td>
                    <Table.Td>{wakes}</Table.Td>
                    <Table.Td>
                      {found ? (
                        <Stack gap={2}>
                          <Badge variant="light" color="green">
                            {found.identity}
                          </Badge>
                          {found.expiresAt !== undefined && (
                            <Text size="xs" c={expiresSoon(found.expiresAt, Date.now()) ? "red" : "dimmed"}>
                              {found.expiresAt < Date.now() ? "expired" : "valid until"}{" "}
                              {formatDateTime(found.expiresAt)}
                            </Text>
                          )}
                        </Stack>
                      ) : (
                        <Badge variant="light" color="gray">
                          none
                        </Badge>
                      )}
                    </Table.Td>
                    <Table.Td>{found ? formatDateTime(found.updatedAt) : "—"}</Table.Td>
                    <Table.Td>
                      {found && canWrite && (
                        <Button
                          size="xs"
                          variant="subtle"
                          color="red"
                          loading={remove.isPending && remove.variables === service}
                          onClick={() => remove.mutate(service)}
                        >
                          Remove
                        </Button>
                      )}
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        )}
        {remove.isError && <ErrorAlert error={remove.error} />}
      </Card>
      {canWrite ? (
        <PushCredentialsForm />
      ) : (
        <Alert color="gray">Changing push credentials needs the settings:write permission.</Alert>
      )}
      <Group>
        <Text size="xs" c="dimmed">
          For demos and tests, <code>meridian emulate fcm --tls</code> runs a local FCM and prints a service
          account to upload here.
        </Text>
      </Group>
    </Stack>
  );
}
