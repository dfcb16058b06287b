import { Badge, Card, Group, Table, Text, Tooltip } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { api, unwrap } from "../../api/client";
import { ErrorAlert } from "../../components/error-alert";
import { Loading } from "../../components/loading";

/** A matrix: every permission down the side, every role across, so what each role may do is visible at once. */
export function RolesSection() {
  const roles = useQuery({ queryKey: ["roles"], queryFn: () => unwrap(api.GET("/api/v1/roles")) });
  const permissions = useQuery({
    queryKey: ["permissions"],
    queryFn: () => unwrap(api.GET("/api/v1/permissions")),
  });
  if (roles.isPending || permissions.isPending) return <Loading height={120} />;
  if (roles.isError || permissions.isError) return <ErrorAlert error={roles.error ?? permissions.error} />;
  return (
    <Card withBorder padding={0}>
      <Text fw={600} p="md">
        Roles and what each may do
      </Text>
      <Table.ScrollContainer minWidth={720}>
        <Table verticalSpacing={6} striped data-testid="roles-matrix">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Permission</Table.Th>
              {roles.data.items.map((r) => (
                <Table.Th key={r.id} ta="center">
                  <Tooltip label={r.description || r.name} multiline w={240}>
                    <Group gap={4} justify="center" wrap="nowrap">
                      {r.name}
                      {!r.builtIn && (
                        <Badge size="xs" variant="light">
                          custom
                        </Badge>
                      )}
                    </Group>
                  </Tooltip>
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {permissions.data.items
              .filter((p) => !p.name.startsWith("tenants:"))
              .map((p) => (
                <Table.Tr key={p.name}>
                  <Table.Td>
                    <Text size="sm">{p.description}</Text>
                    <Text size="xs" c="dimmed" ff="monospace">
                      {p.name}
                    </Text>
                  </Table.Td>
                  {roles.data.items.map((r) => (
                    <Table.Td
                      key={r.id}
                      ta="center"
                      aria-label={`${r.name}: ${r.permissions.includes(p.name) ? "allowed" : "not allowed"}`}
                    >
                      {r.permissions.includes(p.name) ? (
                        <Text c="green.7">✓</Text>
                      ) : (
                        <Text c="gray.4">—</Text>
                      )}
                    </Table.Td>
                  ))}
                </Table.Tr>
              ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Card>
  );
}
