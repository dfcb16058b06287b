import { Badge, Card, Group, Stack, Text } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { api, unwrap } from "../../api/client";
import type { Inventory } from "../../api/types";
import { ErrorAlert } from "../../components/error-alert";
import { formatBytes, formatDateTime } from "../../components/format";
import { PropertyList } from "./property-list";

const yesNo = (value: boolean | null, good: boolean) =>
  value === null ? (
    "—"
  ) : (
    <Badge color={value === good ? "green" : "red"} variant="light">
      {value ? "Yes" : "No"}
    </Badge>
  );

export function DeviceInventory({
  inventory,
  error,
  deviceId,
}: {
  inventory: Inventory | null;
  error: unknown;
  deviceId: string;
}) {
  const compliance = useQuery({
    queryKey: ["devices", deviceId, "compliance"],
    queryFn: () => unwrap(api.GET("/api/v1/devices/{id}/compliance", { params: { path: { id: deviceId } } })),
  });
  return (
    <Card withBorder data-testid="device-inventory">
      <Group justify="space-between" mb="sm">
        <Text fw={600}>Inventory</Text>
        {inventory && (
          <Text size="xs" c="dimmed">
            Reported {formatDateTime(inventory.collectedAt)}
          </Text>
        )}
      </Group>
      {error ? (
        <ErrorAlert error={error} />
      ) : !inventory ? (
        <Text size="sm" c="dimmed">
          The device has not reported its inventory yet. Send “Refresh inventory” to ask for it.
        </Text>
      ) : (
        <Stack gap="md">
          <PropertyList
            items={[
              ["OS build", inventory.os.buildId],
              ["Security patch", inventory.os.securityPatchLevel],
              [
                "Storage free",
                `${formatBytes(inventory.hardware.freeStorageBytes)} of ${formatBytes(inventory.hardware.totalStorageBytes)}`,
              ],
              [
                "Battery",
                inventory.hardware.batteryLevel == null
                  ? "—"
                  : `${Math.round(inventory.hardware.batteryLevel * 100)} %`,
              ],
              ["Wi-Fi MAC", inventory.hardware.wifiMac],
              ["Encrypted", yesNo(inventory.security.encrypted, true)],
              ["Passcode set", yesNo(inventory.security.passcodeSet, true)],
              ["Rooted or jailbroken", yesNo(inventory.security.compromised, false)],
            ]}
          />
        </Stack>
      )}
      <Group gap="xs" mt="md">
        <Text size="sm" fw={600}>
          Compliance:
        </Text>
        {compliance.data ? (
          compliance.data.compliant ? (
            <Badge color="green" variant="light">
              Compliant
            </Badge>
          ) : (
            <Badge color="red" variant="light">
              Not compliant
            </Badge>
          )
        ) : (
          <Text size="sm" c="dimmed">
            not reported yet
          </Text>
        )}
      </Group>
      {compliance.data && compliance.data.violations.length > 0 && (
        <Stack gap={2} mt={4}>
          {compliance.data.violations.map((v) => (
            <Text key={`${v.policy}:${v.reason}`} size="sm" c="red.8">
              {v.policy}: {v.reason}
            </Text>
          ))}
        </Stack>
      )}
    </Card>
  );
}
