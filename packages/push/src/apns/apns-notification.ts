import type { PushNotification } from "../push-client.js";

export type ApnsPushType =
  | "alert"
  | "background"
  | "location"
  | "voip"
  | "complication"
  | "fileprovider"
  | "mdm"
  | "liveactivity"
  | "pushtotalk";

export interface ApnsNotification extends PushNotification {
  /** Defaults to the client's: "mdm" for an MDM push certificate, "background" otherwise. */
  pushType?: ApnsPushType;
  /** The whole JSON payload, when `data` is not enough (an alert, say). */
  payload?: Record<string, unknown>;
  /** Defaults to the client's topic. */
  topic?: string;
  /** A lowercase UUID to identify the notification; APNs makes one when absent and the result carries it. */
  id?: string;
}

const SILENT_WAKE = { aps: { "content-available": 1 } };
const SILENT_WAKE_JSON = JSON.stringify(SILENT_WAKE);

/**
 * The JSON body. An MDM wake-up is exactly {"mdm": PushMagic}; anything else without a payload is a
 * silent background push that carries `data` beside "aps".
 */
export function apnsPayload(notification: ApnsNotification, pushType: ApnsPushType): string {
  if (notification.payload) return JSON.stringify(notification.payload);
  const data = notification.data;
  if (pushType === "mdm") return JSON.stringify(data ?? {});
  return data ? JSON.stringify({ ...SILENT_WAKE, ...data }) : SILENT_WAKE_JSON;
}

/**
 * Apple requires priority 5 (or 1) for background pushes; "high" means 10 for the rest.
 */
export function apnsPriority(notification: ApnsNotification, pushType: ApnsPushType): "5" | "10" {
  if (pushType === "background") return "5";
  return notification.priority === "normal" ? "5" : "10";
}
