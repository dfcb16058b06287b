import { Button, Card, Group, Table, Text } from "@mantine/core";
import { downloadCsv } from "../../components/download-csv";
import type { RowResult } from "./run-import";

/** Shown rows are capped; the downloadable report has every failed row. */
const SHOWN = 200;

export function ImportReport({ failed }: { failed: RowResult[] }) {
  const download = () =>
    downloadCsv(
      "import-errors.csv",
      ["row", "email", "code", "message"],
      failed.map((r) => [String(r.row), r.email, r.code ?? "", r.message ?? ""]),
    );
  return (
    <Card withBorder padding={0}>
      <Group justify="space-between" p="md">
        <Text fw={600}>Rows that failed ({failed.length.toLocaleString()})</Text>
        <Button size="xs" variant="default" onClick={download}>
          Download the report
        </Button>
      </Group>
      <Table.ScrollContainer minWidth={560}>
        <Table data-testid="import-errors" verticalSpacing="xs">
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={70}>Row</Table.Th>
              <Table.Th>Email</Table.Th>
              <Table.Th>Why</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {failed.slice(0, SHOWN).map((r) => (
              <Table.Tr key={r.row}>
                <Table.Td>{r.row}</Table.Td>
                <Table.Td>{r.email || <Text c="dimmed">(empty)</Text>}</Table.Td>
                <Table.Td>{r.message ?? r.code}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Card>
  );
}
