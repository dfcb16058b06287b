import { Anchor, Badge, Table, Text } from "@mantine/core";
import { Link } from "react-router";
import type { User } from "../../api/types";
import { formatDateTime } from "../../components/format";

export function UsersTable({ users }: { users: User[] }) {
  return (
    <Table.ScrollContainer minWidth={640}>
      <Table highlightOnHover verticalSpacing="sm" data-testid="users-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Email</Table.Th>
            <Table.Th>Name</Table.Th>
            <Table.Th>Source</Table.Th>
            <Table.Th>Created</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {users.map((user) => (
            <Table.Tr key={user.id}>
              <Table.Td>
                <Anchor component={Link} to={`/users/${user.id}`} size="sm">
                  {user.email}
                </Anchor>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{user.displayName}</Text>
              </Table.Td>
              <Table.Td>
                <Badge variant="light" color="gray">
                  {user.source}
                </Badge>
              </Table.Td>
              <Table.Td>
                <Text size="sm" c="dimmed">
                  {formatDateTime(user.createdAt)}
                </Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
