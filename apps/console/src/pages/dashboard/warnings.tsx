import { Alert, Stack } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { api, unwrap } from "../../api/client";
import { useCan } from "../../api/me";
import type { DeviceSummary, RelayStatus } from "../../api/types";
import { formatDateTime } from "../../components/format";

const DAY = 86_400_000;

export interface Warning {
  key: string;
  color: "red" | "yellow";
  title: string;
  message: string;
}

/** What needs an administrator's attention, from the relay link, the licence and the fleet size. */
export function fleetWarnings(
  relay: RelayStatus | undefined,
  summary: DeviceSummary | undefined,
  now: number,
): Warning[] {
  const warnings: Warning[] = [];
  if (relay?.configured && relay.state !== "up")
    warnings.push({
      key: "relay",
      color: "red",
      title: "The relay link is down",
      message: `Devices cannot reach this server until it reconnects (state: ${relay.state ?? "unknown"}${
        relay.lastError ? `; last error: ${relay.lastError}` : ""
      }). Check the network path to ${relay.relay ?? "the relay"}.`,
    });
  const licence = relay?.licence;
  if (licence && summary) {
    const managed = summary.total - (summary.byState.wiped ?? 0) - (summary.byState.retired ?? 0);
    if (managed >= licence.maxDevices * 0.9)
      warnings.push({
        key: "licence-devices",
        color: managed >= licence.maxDevices ? "red" : "yellow",
        title: "The licence is near its device limit",
        message: `${managed.toLocaleString()} of ${licence.maxDevices.toLocaleString()} devices are managed. New activations are refused at the limit: ask your relay operator for a larger licence.`,
      });
  }
  if (licence && licence.expiresAt - now < 30 * DAY)
    warnings.push({
      key: "licence-expiry",
      color: licence.expiresAt < now ? "red" : "yellow",
      title: licence.expiresAt < now ? "The licence has expired" : "The licence expires soon",
      message: `It ends on ${formatDateTime(licence.expiresAt)}. Ask your relay operator to renew it.`,
    });
  // Push certificate expiry (APNs) joins these warnings when certificates can be uploaded.
  return warnings;
}

export function Warnings({ summary }: { summary: DeviceSummary | undefined }) {
  const allowed = useCan("settings:read");
  const relay = useQuery({
    queryKey: ["relay"],
    queryFn: () => unwrap(api.GET("/api/v1/relay")),
    enabled: allowed,
    refetchInterval: 15_000,
  });
  const warnings = fleetWarnings(relay.data, summary, Date.now());
  if (warnings.length === 0) return null;
  return (
    <Stack gap="xs" data-testid="warnings">
      {warnings.map((w) => (
        <Alert key={w.key} color={w.color} title={w.title} variant="light">
          {w.message}
        </Alert>
      ))}
    </Stack>
  );
}
