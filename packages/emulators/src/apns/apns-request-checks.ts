import type { IncomingHttpHeaders } from "node:http2";

export const PUSH_TYPES = new Set([
  "alert",
  "background",
  "location",
  "voip",
  "complication",
  "fileprovider",
  "mdm",
  "liveactivity",
  "pushtotalk",
  "widgets",
]);

export interface ApnsRejection {
  status: number;
  reason: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DEVICE_TOKEN = /^[0-9a-f]{64}$/i;

const reject = (status: number, reason: string): ApnsRejection => ({ status, reason });

/** Header checks from Apple's table of 400 reasons, in the order a request meets them. */
export function checkNotificationHeaders(
  headers: IncomingHttpHeaders,
  deviceToken: string,
): ApnsRejection | undefined {
  if (deviceToken === "") return reject(400, "MissingDeviceToken");
  const pushType = headers["apns-push-type"] ?? "alert";
  if (typeof pushType !== "string" || !PUSH_TYPES.has(pushType)) return reject(400, "InvalidPushType");
  const priority = headers["apns-priority"];
  if (priority !== undefined && priority !== "10" && priority !== "5" && priority !== "1")
    return reject(400, "BadPriority");
  // Apple: background notifications must not use priority 10.
  if (pushType === "background" && (priority === undefined || priority === "10"))
    return reject(400, "BadPriority");
  const expiration = headers["apns-expiration"];
  if (expiration !== undefined && !/^\d+$/.test(String(expiration))) return reject(400, "BadExpirationDate");
  const collapseId = headers["apns-collapse-id"];
  if (collapseId !== undefined && Buffer.byteLength(String(collapseId)) > 64)
    return reject(400, "BadCollapseId");
  const id = headers["apns-id"];
  if (id !== undefined && !UUID.test(String(id))) return reject(400, "BadMessageId");
  if (!DEVICE_TOKEN.test(deviceToken)) return reject(400, "BadDeviceToken");
  return undefined;
}

/** 4 KB for everything but VoIP, which gets 5 KB (Apple, "Sending notification requests to APNs"). */
export function payloadLimit(pushType: string | undefined): number {
  return pushType === "voip" ? 5120 : 4096;
}
