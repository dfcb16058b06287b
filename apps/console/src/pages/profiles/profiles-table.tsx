import { Button, Code, Group, Table, Text } from "@mantine/core";
import type { Profile } from "../../api/types";
import { formatBytes, formatDateTime } from "../../components/format";

export function ProfilesTable({
  profiles,
  canWrite,
  canCommand,
  onInstall,
  onDelete,
}: {
  profiles: Profile[];
  canWrite: boolean;
  canCommand: boolean;
  onInstall: (profile: Profile) => void;
  onDelete: (profile: Profile) => void;
}) {
  return (
    <Table.ScrollContainer minWidth={760}>
      <Table verticalSpacing="sm" data-testid="profiles-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Name</Table.Th>
            <Table.Th>Identifier</Table.Th>
            <Table.Th>Size</Table.Th>
            <Table.Th>Uploaded</Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {profiles.map((p) => (
            <Table.Tr key={p.id} data-testid="profile-row">
              <Table.Td>
                <Text size="sm" fw={500}>
                  {p.name}
                </Text>
                {p.description && (
                  <Text size="xs" c="dimmed">
                    {p.description}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>
                <Code>{p.identifier}</Code>
              </Table.Td>
              <Table.Td>{formatBytes(p.sizeBytes)}</Table.Td>
              <Table.Td>
                <Text size="sm">{formatDateTime(p.createdAt)}</Text>
                <Text size="xs" c="dimmed">
                  by {p.createdBy}
                </Text>
              </Table.Td>
              <Table.Td>
                <Group gap="xs" justify="flex-end" wrap="nowrap">
                  {canCommand && (
                    <Button size="xs" variant="light" onClick={() => onInstall(p)}>
                      Install on devices…
                    </Button>
                  )}
                  {canWrite && (
                    <Button size="xs" variant="subtle" color="red" onClick={() => onDelete(p)}>
                      Delete
                    </Button>
                  )}
                </Group>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
