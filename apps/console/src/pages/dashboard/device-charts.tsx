import { SimpleGrid } from "@mantine/core";
import type { DeviceSummary } from "../../api/types";
import { PLATFORM_LABELS } from "../../components/format";
import { BarList } from "./bar-list";
import { ChartCard } from "./chart-card";
import { DonutChart } from "./donut-chart";

const PLATFORM_COLORS: Record<string, string> = {
  ios: "indigo.6",
  macos: "gray.6",
  android: "teal.6",
  windows: "blue.5",
};
const STATE_CHART_COLORS: Record<string, string> = {
  enrolling: "blue.4",
  active: "green.6",
  inactive: "yellow.6",
  lost: "orange.6",
  wiped: "gray.5",
  retired: "gray.4",
};
const CONTACT_LABELS: Record<string, string> = {
  day: "< 1 day",
  week: "1–7 d",
  month: "7–30 d",
  older: "> 30 d",
  never: "Never",
};

/** Devices by platform, OS version, state, compliance and last contact. */
export function DeviceCharts({ summary }: { summary: DeviceSummary }) {
  const platforms = Object.entries(summary.byPlatform).map(([platform, value]) => ({
    name: PLATFORM_LABELS[platform] ?? platform,
    value,
    color: PLATFORM_COLORS[platform] ?? "gray.5",
  }));
  const versions = summary.byOsVersion.slice(0, 8).map((v) => ({
    name: `${PLATFORM_LABELS[v.platform] ?? v.platform} ${v.osVersion ?? "?"}`,
    value: v.count,
  }));
  const states = Object.entries(summary.byState).map(([state, value]) => ({
    name: state,
    value,
    color: STATE_CHART_COLORS[state] ?? "gray.5",
  }));
  const compliance = [
    { name: "Compliant", value: summary.byCompliance.compliant, color: "green.6" },
    { name: "Not compliant", value: summary.byCompliance.notCompliant, color: "red.6" },
    { name: "Not reported", value: summary.byCompliance.notReported, color: "gray.4" },
  ].filter((c) => c.value > 0);
  const contact = Object.entries(CONTACT_LABELS).map(([bucket, label]) => ({
    name: label,
    value: summary.byLastContact[bucket as keyof typeof summary.byLastContact] ?? 0,
  }));
  return (
    <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} data-testid="device-charts">
      <ChartCard title={`Devices by platform (${summary.total.toLocaleString()})`}>
        <DonutChart data={platforms} label="Devices by platform" />
      </ChartCard>
      <ChartCard title="Compliance">
        <DonutChart data={compliance} label="Compliance" />
      </ChartCard>
      <ChartCard title="Device state">
        <DonutChart data={states} label="Device state" />
      </ChartCard>
      <ChartCard title="Most common OS versions">
        <BarList data={versions} color="indigo.6" label="Most common OS versions" />
      </ChartCard>
      <ChartCard title="Last contact">
        <BarList data={contact} color="teal.6" label="Devices by last contact" />
      </ChartCard>
    </SimpleGrid>
  );
}
