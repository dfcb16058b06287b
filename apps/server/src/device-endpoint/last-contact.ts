import type { Core, Device } from "@meridian/core";

/** Last contact is written at most once a minute per device, so that checking in is not a write each time. */
export async function noteContact(
  core: Core,
  tenantId: string,
  device: Pick<Device, "id" | "lastSeenAt">,
): Promise<void> {
  if (device.lastSeenAt === null || Date.now() - device.lastSeenAt > 60_000)
    await core.devices.touch(tenantId, device.id);
}
