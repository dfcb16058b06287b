import { Badge, Button, Card, Group, Table, Text } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { useQuery } from "@tanstack/react-query";
import { api, unwrap } from "../../api/client";
import { useCan } from "../../api/me";
import { ErrorAlert } from "../../components/error-alert";
import { formatRelative } from "../../components/format";
import { Loading } from "../../components/loading";
import { CreateAdministratorModal } from "./create-administrator-modal";

export function AdministratorsSection() {
  const canWrite = useCan("admins:write");
  const [creating, modal] = useDisclosure();
  const admins = useQuery({
    queryKey: ["administrators"],
    queryFn: () => unwrap(api.GET("/api/v1/administrators", { params: { query: { limit: 500 } } })),
  });
  const roles = useQuery({ queryKey: ["roles"], queryFn: () => unwrap(api.GET("/api/v1/roles")) });
  const roleName = (id: string) => roles.data?.items.find((r) => r.id === id)?.name ?? id;
  return (
    <Card withBorder padding={0}>
      <Group justify="space-between" p="md">
        <Text fw={600}>Administrators</Text>
        {canWrite && (
          <Button size="xs" onClick={modal.open}>
            Add administrator
          </Button>
        )}
      </Group>
      {admins.isPending ? (
        <Loading height={80} />
      ) : admins.isError ? (
        <ErrorAlert error={admins.error} />
      ) : (
        <Table.ScrollContainer minWidth={600}>
          <Table verticalSpacing="sm" data-testid="administrators">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Email</Table.Th>
                <Table.Th>Name</Table.Th>
                <Table.Th>Role</Table.Th>
                <Table.Th>Last sign-in</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {admins.data.items.map((a) => (
                <Table.Tr key={a.id}>
                  <Table.Td>
                    {a.email}{" "}
                    {a.disabled && (
                      <Badge color="gray" size="sm">
                        disabled
                      </Badge>
                    )}
                  </Table.Td>
                  <Table.Td>{a.displayName}</Table.Td>
                  <Table.Td>{roleName(a.roleId)}</Table.Td>
                  <Table.Td>{formatRelative(a.lastLoginAt)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <CreateAdministratorModal opened={creating} onClose={modal.close} roles={roles.data?.items ?? []} />
    </Card>
  );
}
