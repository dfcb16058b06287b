import { Badge, Card, Table, Text, TextInput } from "@mantine/core";
import { useState } from "react";
import type { Inventory } from "../../api/types";

export function DeviceApps({ apps, reported }: { apps: Inventory["apps"]; reported: boolean }) {
  const [filter, setFilter] = useState("");
  const needle = filter.trim().toLowerCase();
  const shown = needle
    ? apps.filter((a) => `${a.name ?? ""} ${a.packageName}`.toLowerCase().includes(needle))
    : apps;
  return (
    <Card withBorder>
      <Text fw={600} mb="sm">
        Installed apps {reported && `(${apps.length})`}
      </Text>
      {!reported ? (
        <Text size="sm" c="dimmed">
          Apps appear once the device reports its inventory.
        </Text>
      ) : (
        <>
          <TextInput
            placeholder="Filter apps"
            value={filter}
            onChange={(e) => setFilter(e.currentTarget.value)}
            maw={300}
            mb="sm"
          />
          <Table.ScrollContainer minWidth={560} mah={360}>
            <Table verticalSpacing={6} stickyHeader data-testid="device-apps">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>App</Table.Th>
                  <Table.Th>Package</Table.Th>
                  <Table.Th>Version</Table.Th>
                  <Table.Th>Source</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {shown.map((app) => (
                  <Table.Tr key={app.packageName}>
                    <Table.Td>
                      {app.name ?? app.packageName}{" "}
                      {app.managed && (
                        <Badge size="xs" variant="light">
                          managed
                        </Badge>
                      )}
                    </Table.Td>
                    <Table.Td>
                      <Text size="xs" ff="monospace">
                        {app.packageName}
                      </Text>
                    </Table.Td>
                    <Table.Td>{app.version ?? "—"}</Table.Td>
                    <Table.Td>{app.installSource ?? "—"}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </>
      )}
    </Card>
  );
}
