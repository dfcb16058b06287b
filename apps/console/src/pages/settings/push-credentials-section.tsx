import { Alert, Badge, Button, Card, Group, Modal, Stack, Table, Text } from "@mantine/core";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
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
    onSuccess: () => {
      setRemoving(null);
      return client.invalidateQueries({ queryKey: pushCredentialsQuery.queryKey });
    },
  });
  // Removing credentials stops devices being woken: asked first, saying which devices.
  const [removing, setRemoving] = useState<Service | null>(null);
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
                        <Button size="xs" variant="subtle" color="red" onClick={() => setRemoving(service)}>
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
      </Card>
      <RemoveCredentialsModal
        service={removing}
        identity={held.data?.items.find((c) => c.service === removing)?.identity}
        fallsBackToServer={!managesServer}
        pending={remove.isPending}
        error={remove.error}
        onConfirm={() => removing && remove.mutate(removing)}
        onClose={() => {
          remove.reset();
          setRemoving(null);
        }}
      />
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

/** What removing a service's credentials does to the devices it wakes, asked before it is done. */
function RemoveCredentialsModal(props: {
  service: Service | null;
  identity: string | undefined;
  fallsBackToServer: boolean;
  pending: boolean;
  error: Error | null;
  onConfirm: () => void;
  onClose: () => void;
}) {
  const entry = SERVICES.find((s) => s.service === props.service);
  return (
    <Modal
      opened={entry !== undefined}
      onClose={props.onClose}
      title={entry ? `Remove the ${entry.name} credentials?` : ""}
    >
      {entry && (
        <Stack>
          {props.error && <ErrorAlert error={props.error} />}
          <Text size="sm">
            {entry.service === "apns"
              ? `Apple devices enrolled on the topic ${props.identity ?? ""} can no longer be woken: their commands wait until they check in by themselves, and they cannot be enrolled again until a certificate for that topic is uploaded.`
              : `${entry.wakes} can no longer be woken by push: their commands wait until they check in by themselves.`}
            {entry.service === "apns" && props.fallsBackToServer
              ? " Your organisation would use the server's certificate again, whose topic its enrolled devices do not listen on."
              : ""}
          </Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={props.onClose}>
              Cancel
            </Button>
            <Button color="red" loading={props.pending} onClick={props.onConfirm}>
              Remove
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
