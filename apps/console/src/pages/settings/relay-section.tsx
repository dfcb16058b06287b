import { Alert, Badge, Card, Code, Stack, Text } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { api, unwrap } from "../../api/client";
import { ErrorAlert } from "../../components/error-alert";
import { formatDateTime } from "../../components/format";
import { Loading } from "../../components/loading";
import { PropertyList } from "../devices/property-list";

export function RelaySection() {
  const relay = useQuery({
    queryKey: ["relay"],
    queryFn: () => unwrap(api.GET("/api/v1/relay")),
    refetchInterval: 10_000,
  });
  const summary = useQuery({
    queryKey: ["devices", "summary"],
    queryFn: () => unwrap(api.GET("/api/v1/devices/summary")),
  });
  if (relay.isPending) return <Loading height={120} />;
  if (relay.isError) return <ErrorAlert error={relay.error} />;
  const r = relay.data;
  if (!r.configured)
    return (
      <Alert color="yellow" title="No relay">
        This server runs without a relay, so devices outside your network cannot reach it. Register it at a
        relay (<Code>meridian relay register</Code>) and set <Code>MERIDIAN_RELAY</Code>, as docs/relay.md
        describes.
      </Alert>
    );
  const managed = summary.data
    ? summary.data.total - (summary.data.byState.wiped ?? 0) - (summary.data.byState.retired ?? 0)
    : undefined;
  return (
    <Stack>
      <Card withBorder data-testid="relay-status">
        <Text fw={600} mb="sm">
          Relay registration and link
        </Text>
        <PropertyList
          items={[
            [
              "Link",
              <Badge key="s" color={r.state === "up" ? "green" : "red"} variant="light">
                {r.state ?? "unknown"}
              </Badge>,
            ],
            ["Relay", r.relay],
            ["Server ID", r.serverId],
            ["Device domain", r.domain],
            ["Last error", r.lastError ?? "none"],
          ]}
        />
      </Card>
      <Card withBorder>
        <Text fw={600} mb="sm">
          Licence
        </Text>
        {r.licence ? (
          <PropertyList
            items={[
              ["Licensed to", r.licence.serverName],
              [
                "Devices",
                `${managed?.toLocaleString() ?? "…"} of ${r.licence.maxDevices.toLocaleString()} in use`,
              ],
              ["Features", r.licence.features.join(", ") || "—"],
              ["Issued", formatDateTime(r.licence.issuedAt)],
              ["Expires", formatDateTime(r.licence.expiresAt)],
            ]}
          />
        ) : (
          <Text size="sm" c="dimmed">
            The relay has not sent a licence yet; it arrives once the link is up.
          </Text>
        )}
      </Card>
    </Stack>
  );
}
