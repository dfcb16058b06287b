import { SimpleGrid, Stack } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { api, unwrap } from "../../api/client";
import { ErrorAlert } from "../../components/error-alert";
import { Loading } from "../../components/loading";
import { PageHeader } from "../../components/page-header";
import { DeviceCharts } from "./device-charts";
import { NoDevicesYet } from "./no-devices-yet";
import { RecentAudit } from "./recent-audit";
import { Warnings } from "./warnings";

export default function DashboardPage() {
  const summary = useQuery({
    queryKey: ["devices", "summary"],
    queryFn: () => unwrap(api.GET("/api/v1/devices/summary")),
    refetchInterval: 30_000,
  });
  return (
    <Stack gap="lg">
      <PageHeader title="Dashboard" description="Your fleet at a glance." />
      <Warnings summary={summary.data} />
      {summary.isPending ? (
        <Loading />
      ) : summary.isError ? (
        <ErrorAlert error={summary.error} retry={() => void summary.refetch()} />
      ) : summary.data.total === 0 ? (
        <NoDevicesYet />
      ) : (
        <DeviceCharts summary={summary.data} />
      )}
      <SimpleGrid cols={1}>
        <RecentAudit />
      </SimpleGrid>
    </Stack>
  );
}
