import { Table, Text } from "@mantine/core";
import type { AuditEvent } from "../../api/types";
import { formatDateTime } from "../../components/format";

export function AuditTable({ events }: { events: AuditEvent[] }) {
  return (
    <Table.ScrollContainer minWidth={760}>
      <Table verticalSpacing="xs" striped data-testid="audit-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>When</Table.Th>
            <Table.Th>Who</Table.Th>
            <Table.Th>Action</Table.Th>
            <Table.Th>On</Table.Th>
            <Table.Th>From</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {events.map((e) => (
            <Table.Tr key={e.id}>
              <Table.Td>
                <Text size="sm">{formatDateTime(e.at)}</Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{e.actorLabel}</Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm" ff="monospace">
                  {e.action}
                </Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{e.targetLabel ?? (e.targetId ? `${e.targetType} ${e.targetId}` : "")}</Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm" c="dimmed">
                  {e.ip ?? ""}
                </Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
