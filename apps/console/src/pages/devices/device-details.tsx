import { Anchor, Card, Text } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { Link } from "react-router";
import { api, unwrap } from "../../api/client";
import type { DeviceDetail } from "../../api/types";
import { formatDateTime, formatRelative, PLATFORM_LABELS } from "../../components/format";
import { PropertyList } from "./property-list";

export function DeviceDetails({ device }: { device: DeviceDetail }) {
  const ownerId = device.ownerUserId;
  const owner = useQuery({
    queryKey: ["users", ownerId],
    queryFn: () => unwrap(api.GET("/api/v1/users/{id}", { params: { path: { id: ownerId! } } })),
    enabled: ownerId !== null,
  });
  const push = useQuery({
    queryKey: ["devices", device.id, "push"],
    queryFn: () => unwrap(api.GET("/api/v1/devices/{id}/push", { params: { path: { id: device.id } } })),
  });
  return (
    <Card withBorder>
      <Text fw={600} mb="sm">
        Device
      </Text>
      <PropertyList
        items={[
          ["Platform", `${PLATFORM_LABELS[device.platform]} ${device.osVersion ?? ""}`],
          [
            "Owner",
            ownerId ? (
              <Anchor component={Link} to={`/users/${ownerId}`} size="sm">
                {owner.data?.email ?? "…"}
              </Anchor>
            ) : (
              "None"
            ),
          ],
          ["Ownership", device.ownership],
          ["Serial number", device.serialNumber],
          ["IMEI", device.imei],
          ["Enrolled", formatDateTime(device.enrolledAt)],
          ["Last contact", `${formatRelative(device.lastSeenAt)} (${formatDateTime(device.lastSeenAt)})`],
          ["Woken by", pushText(push.data)],
          ["Identity valid until", identityText(device)],
        ]}
      />
    </Card>
  );
}

/** When the device's identity certificate ends; Apple identities are renewed before then. */
function identityText(device: DeviceDetail): string {
  if (device.identityExpiresAt === null) return "No identity certificate";
  const renewed = device.platform === "ios" || device.platform === "macos" ? " (renewed before then)" : "";
  return `${formatDateTime(device.identityExpiresAt)}${renewed}`;
}

/** How the server wakes the device, and why it cannot when its push token stopped working. */
function pushText(
  push:
    | {
        registered: boolean;
        service: string | null;
        invalidReason: string | null;
        lastPushedAt: number | null;
      }
    | undefined,
): string {
  if (!push) return "…";
  if (!push.registered) return "Polling only (no push token)";
  const service = push.service?.toUpperCase() ?? "push";
  if (push.invalidReason)
    return `${service}: token no longer valid (${push.invalidReason}); waits for the device to send a new one`;
  return push.lastPushedAt ? `${service}, last pushed ${formatDateTime(push.lastPushedAt)}` : service;
}
