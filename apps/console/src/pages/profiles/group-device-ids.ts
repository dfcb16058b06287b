import { api, unwrap } from "../../api/client";
import type { Platform } from "../../api/types";

/** What one bulk send may name by id (POST /api/v1/commands). */
export const MAX_DEVICE_IDS = 10_000;

/**
 * The devices of one platform owned by the group's users, directly or through nested groups. The
 * bulk-send filter cannot name a group, so the console gathers the ids; the server leaves out wiped
 * and retired devices and those of other platforms whatever it is sent.
 */
export async function groupDeviceIds(groupId: string, platform: Platform): Promise<string[]> {
  const userIds: string[] = [];
  let cursor: string | undefined;
  do {
    const page = await unwrap(
      api.GET("/api/v1/groups/{id}/effective-users", {
        params: { path: { id: groupId }, query: { limit: 500, ...(cursor ? { cursor } : {}) } },
      }),
    );
    userIds.push(...page.items.map((u) => u.id));
    cursor = page.nextCursor;
  } while (cursor);
  const deviceIds: string[] = [];
  // A few users at a time: enough to be quick, few enough not to crowd the server.
  for (let i = 0; i < userIds.length; i += 8) {
    const pages = await Promise.all(userIds.slice(i, i + 8).map((id) => userDevices(id)));
    for (const devices of pages)
      deviceIds.push(
        ...devices
          .filter((d) => d.platform === platform && d.state !== "wiped" && d.state !== "retired")
          .map((d) => d.id),
      );
  }
  return deviceIds;
}

async function userDevices(userId: string) {
  const devices = [];
  let cursor: string | undefined;
  do {
    const page = await unwrap(
      api.GET("/api/v1/users/{id}/devices", {
        params: { path: { id: userId }, query: { limit: 500, ...(cursor ? { cursor } : {}) } },
      }),
    );
    devices.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return devices;
}
