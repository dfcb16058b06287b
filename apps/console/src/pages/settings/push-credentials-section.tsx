import { Alert, Badge, Button, Card, Group, Stack, Table, Text } from "@mantine/core";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api, unwrap } from "../../api/client";
import { ErrorAlert } from "../../components/error-alert";
import { formatDateTime } from "../../components/format";
import { Loading } from "../../components/loading";
import { useCan } from "../../api/me";
import { expiresSoon, pushCredentialsQuery } from "../dashboard/warnings";
import { PushCredentialsForm, type Service } from "./push-credentials-form";

const SERVICES = [
  { service: "fcm", name: "Firebase Cloud Messaging", wakes: "Android devices" },
  { service: "apns", name: "Apple Push Notification service", wakes: "iPhones, iPads and Macs" },
  { service: "wns", name: "Windows Push Notification Services", wakes: "Windows devices" },
] as const;

/**
 * The push credentials the relay holds for this server: which services can wake devices, and which
 * app or project they belong to. The secrets are never shown again once uploaded. In cloud mode an
 * organisation other than the operator's may keep its own APNs push certificate (Apple issues one
 * per organisation) and otherwise inherits the server's; FCM and WNS are the operator's, shown
 * read-only.
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
  const managesServer = held.data?.managesServerCredentials ?? false;
  const changeable: readonly Service[] = managesServer ? ["fcm", "apns", "wns"] : ["apns"];
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
        {!managesServer && !held.isError && (
          <Text size="sm" c="dimmed" mb="sm" data-testid="push-tenant-note">
            Your organisation may upload its own APNs push certificate (Apple issues one per organisation);
            until it does, its Apple devices use the server&apos;s. FCM and WNS are the service
            operator&apos;s.
          </Text>
        )}
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
                          {!managesServer && (
                            <Text size="xs" c="dimmed" data-testid={`push-${service}-scope`}>
                              {found.scope === "tenant"
                                ? "your organisation's own"
                                : service === "apns"
                                  ? "inherited from the server"
                                  : "the operator's"}
                            </Text>
                          )}
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
                      {found && canWrite && (managesServer || found.scope === "tenant") && (
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
        <PushCredentialsForm services={changeable} />
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
