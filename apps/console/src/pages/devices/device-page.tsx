import { Button, Group, SimpleGrid, Stack } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { Link, useParams } from "react-router";
import { api, unwrap } from "../../api/client";
import { useCan } from "../../api/me";
import { ErrorAlert } from "../../components/error-alert";
import { Loading } from "../../components/loading";
import { PageHeader } from "../../components/page-header";
import { StateBadge } from "../../components/state-badge";
import { DeviceApps } from "./device-apps";
import { DeviceCommands } from "./device-commands";
import { DeviceDetails } from "./device-details";
import { DeviceInventory } from "./device-inventory";
import { SendCommandMenu } from "./send-command-menu";

export default function DevicePage() {
  const { id = "" } = useParams();
  const canCommand = useCan("devices:command");
  const device = useQuery({
    queryKey: ["devices", id],
    queryFn: () => unwrap(api.GET("/api/v1/devices/{id}", { params: { path: { id } } })),
    refetchInterval: 10_000,
  });
  const inventory = useQuery({
    queryKey: ["devices", id, "inventory"],
    queryFn: () => unwrap(api.GET("/api/v1/devices/{id}/inventory", { params: { path: { id } } })),
    refetchInterval: 10_000,
  });
  if (device.isPending) return <Loading />;
  if (device.isError) return <ErrorAlert error={device.error} page />;
  const d = device.data;
  return (
    <Stack gap="lg">
      <PageHeader
        title={
          <Group gap="sm">
            {d.name}
            <StateBadge state={d.state} />
          </Group>
        }
        description={[d.manufacturer, d.model].filter(Boolean).join(" ") || undefined}
        actions={
          <>
            <Button variant="default" component={Link} to="/devices">
              All devices
            </Button>
            {canCommand && <SendCommandMenu device={d} />}
          </>
        }
      />
      <SimpleGrid cols={{ base: 1, lg: 2 }}>
        <DeviceDetails device={d} />
        <DeviceInventory inventory={inventory.data ?? null} error={inventory.error} deviceId={d.id} />
      </SimpleGrid>
      <DeviceCommands deviceId={d.id} />
      <DeviceApps apps={inventory.data?.apps ?? []} reported={Boolean(inventory.data)} />
    </Stack>
  );
}
