import { Button, Card, Group, Table, Text } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { notifications } from "@mantine/notifications";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { api, unwrap } from "../../api/client";
import { useCan } from "../../api/me";
import { describeError } from "../../api/problem";
import type { IssuedActivation } from "../../api/types";
import { ErrorAlert } from "../../components/error-alert";
import { formatDateTime, PLATFORM_LABELS } from "../../components/format";
import { Loading } from "../../components/loading";
import { StateBadge } from "../../components/state-badge";
import { ActivationIssued } from "./activation-issued";
import { CreateActivationModal } from "./create-activation-modal";

export function UserActivations({ userId, userEmail }: { userId: string; userEmail: string }) {
  const queryClient = useQueryClient();
  const canWrite = useCan("activations:write");
  const [creating, modal] = useDisclosure();
  const [issued, setIssued] = useState<IssuedActivation | null>(null);
  const activations = useQuery({
    queryKey: ["activations", userId],
    queryFn: () => unwrap(api.GET("/api/v1/users/{id}/activations", { params: { path: { id: userId } } })),
  });
  const expire = useMutation({
    mutationFn: (activationId: string) =>
      unwrap(
        api.DELETE("/api/v1/users/{id}/activations/{activationId}", {
          params: { path: { id: userId, activationId } },
        }),
      ),
    onSuccess: () => {
      notifications.show({
        color: "green",
        message: "The activation was expired: its password no longer works.",
      });
      setIssued(null);
      return queryClient.invalidateQueries({ queryKey: ["activations", userId] });
    },
    onError: (error) => notifications.show({ color: "red", ...describeError(error) }),
  });
  return (
    <Card withBorder>
      <Group justify="space-between" mb="sm">
        <Text fw={600}>Activations</Text>
        {canWrite && (
          <Button size="xs" onClick={modal.open}>
            Create activation
          </Button>
        )}
      </Group>
      {issued && <ActivationIssued issued={issued} userEmail={userEmail} onClose={() => setIssued(null)} />}
      {activations.isPending ? (
        <Loading height={80} />
      ) : activations.isError ? (
        <ErrorAlert error={activations.error} />
      ) : activations.data.items.length === 0 ? (
        <Text size="sm" c="dimmed">
          No activations. Create one to give this user a password (and QR code) that activates their devices.
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={640}>
          <Table verticalSpacing="xs" data-testid="activations">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Status</Table.Th>
                <Table.Th>Expires</Table.Th>
                <Table.Th>Uses</Table.Th>
                <Table.Th>Platforms</Table.Th>
                <Table.Th>Created by</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {activations.data.items.map((a) => (
                <Table.Tr key={a.id}>
                  <Table.Td>
                    <StateBadge state={a.status} />
                  </Table.Td>
                  <Table.Td>{formatDateTime(a.expiresAt)}</Table.Td>
                  <Table.Td>
                    {a.useCount} of {a.maxUses ?? "∞"}
                  </Table.Td>
                  <Table.Td>{a.platforms.map((p) => PLATFORM_LABELS[p]).join(", ")}</Table.Td>
                  <Table.Td>{a.createdBy}</Table.Td>
                  <Table.Td ta="right">
                    {canWrite && a.status === "active" && (
                      <Button
                        size="xs"
                        variant="subtle"
                        color="red"
                        loading={expire.isPending}
                        onClick={() => expire.mutate(a.id)}
                      >
                        Expire now
                      </Button>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <CreateActivationModal
        userId={userId}
        opened={creating}
        onClose={modal.close}
        onIssued={(result) => {
          setIssued(result);
          modal.close();
        }}
      />
    </Card>
  );
}
