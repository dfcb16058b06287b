import { BarChart, DonutChart } from "@mantine/charts";
import { SimpleGrid } from "@mantine/core";
import type { DeviceSummary } from "../../api/types";
import { PLATFORM_LABELS } from "../../components/format";
import { ChartCard } from "./chart-card";

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
/** Drawn at once: an administrator opening the dashboard wants the numbers, not an animation. */
const STILL = { isAnimationActive: false };
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
    version: `${PLATFORM_LABELS[v.platform] ?? v.platform} ${v.osVersion ?? "?"}`,
    Devices: v.count,
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
    contact: label,
    Devices: summary.byLastContact[bucket as keyof typeof summary.byLastContact] ?? 0,
  }));
  return (
    <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} data-testid="device-charts">
      <ChartCard title={`Devices by platform (${summary.total.toLocaleString()})`}>
        <DonutChart
          data={platforms}
          withLabelsLine
          withLabels
          withTooltip
          h={200}
          w="100%"
          pieProps={STILL}
        />
      </ChartCard>
      <ChartCard title="Compliance">
        <DonutChart
          data={compliance}
          withLabelsLine
          withLabels
          withTooltip
          h={200}
          w="100%"
          pieProps={STILL}
        />
      </ChartCard>
      <ChartCard title="Device state">
        <DonutChart data={states} withLabelsLine withLabels withTooltip h={200} w="100%" pieProps={STILL} />
      </ChartCard>
      <ChartCard title="Most common OS versions">
        <BarChart
          h={220}
          data={versions}
          dataKey="version"
          orientation="vertical"
          yAxisProps={{ width: 110 }}
          series={[{ name: "Devices", color: "indigo.6" }]}
        />
      </ChartCard>
      <ChartCard title="Last contact">
        <BarChart h={220} data={contact} dataKey="contact" series={[{ name: "Devices", color: "teal.6" }]} />
      </ChartCard>
    </SimpleGrid>
  );
}
