import { Alert, Stack } from "@mantine/core";
import { queryOptions, useQuery } from "@tanstack/react-query";
import { api, unwrap } from "../../api/client";
import { useCan } from "../../api/me";
import type { DeviceSummary, RelayStatus } from "../../api/types";
import { formatDateTime } from "../../components/format";

const DAY = 86_400_000;

/** What the relay holds for push: shared by the dashboard's warnings and the settings page. */
export const pushCredentialsQuery = queryOptions({
  queryKey: ["push", "credentials"],
  queryFn: () => unwrap(api.GET("/api/v1/push/credentials")),
});

/** A certificate that ends within 30 days (or has ended) is worth a warning. */
export const expiresSoon = (at: number, now: number) => at - now < 30 * DAY;

export interface Warning {
  key: string;
  color: "red" | "yellow";
  title: string;
  message: string;
}

/**
 * What needs an administrator's attention: the relay link, the licence and the fleet size, push
 * certificates that end within 30 days, and Apple identities about to end without renewal.
 */
export function fleetWarnings(
  relay: RelayStatus | undefined,
  summary: DeviceSummary | undefined,
  now: number,
  pushCredentials: ReadonlyArray<{
    service: string;
    identity: string;
    expiresAt?: number;
    scope?: "tenant" | "server";
  }> = [],
  /** Whether this tenant manages the server's credentials (the operator's), or inherits them. */
  managesServerCredentials = true,
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
  const ending = summary?.appleIdentitiesEndingSoon ?? 0;
  if (ending > 0)
    warnings.push({
      key: "apple-identities",
      color: "yellow",
      title: `${ending.toLocaleString()} Apple ${ending === 1 ? "device has" : "devices have"} not renewed ${ending === 1 ? "its" : "their"} identity`,
      message:
        "Their identity certificates end within 7 days. Each was sent a renewal; a device that stays offline, " +
        "or keeps answering it with an error, stops being managed when its identity ends and must be enrolled again.",
    });
  for (const credentials of pushCredentials) {
    if (credentials.expiresAt === undefined || !expiresSoon(credentials.expiresAt, now)) continue;
    const expired = credentials.expiresAt < now;
    // A tenant that inherits the server's certificate cannot renew it; it can upload its own.
    const inherited = credentials.scope === "server" && !managesServerCredentials;
    const remedy = inherited
      ? "it is the server's, which your organisation inherits: the service operator renews it, or upload your organisation's own under Settings, Push services."
      : "renew it at Apple (keeping the same topic) and upload it under Settings, Push services.";
    warnings.push({
      key: `push-${credentials.service}`,
      color: expired ? "red" : "yellow",
      title: expired ? "The APNs push certificate has expired" : "The APNs push certificate expires soon",
      message: `The certificate for ${credentials.identity} ${expired ? "ended" : "ends"} on ${formatDateTime(
        credentials.expiresAt,
      )}. Apple devices cannot be woken without it: ${remedy}`,
    });
  }
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
  const push = useQuery({
    ...pushCredentialsQuery,
    enabled: allowed,
    // The relay may not answer (its link down): that is warned of above, not here.
    retry: false,
  });
  const warnings = fleetWarnings(
    relay.data,
    summary,
    Date.now(),
    push.data?.items,
    push.data?.managesServerCredentials,
  );
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
