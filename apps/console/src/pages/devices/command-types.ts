import type { CommandType, Platform } from "../../api/types";

export interface CommandChoice {
  /** Tells apart choices of one type that differ by payload (request_inventory's scopes). */
  key: string;
  type: CommandType;
  label: string;
  /** What happens, said before the administrator confirms. */
  effect: string;
  destructive: boolean;
  /** The platforms whose protocol carries it; every platform when absent. */
  platforms?: readonly Platform[];
  /** Sent as it is, with whatever the administrator enters. */
  payload?: Record<string, unknown>;
}

const APPLE: readonly Platform[] = ["ios", "macos"];

/** The commands the console offers from a device's page; destructive ones come last. */
export const COMMAND_CHOICES: CommandChoice[] = [
  {
    key: "lock",
    type: "lock",
    label: "Lock",
    effect: "locks the screen now; the user unlocks it with their passcode",
    destructive: false,
  },
  {
    key: "request_inventory",
    type: "request_inventory",
    label: "Refresh inventory",
    effect: "asks the device to report its inventory again",
    destructive: false,
  },
  {
    key: "request_inventory:security",
    type: "request_inventory",
    label: "Refresh security info",
    effect: "asks the device to report its passcode, encryption and other security settings",
    destructive: false,
    platforms: APPLE,
    payload: { scope: "security" },
  },
  {
    key: "request_inventory:apps",
    type: "request_inventory",
    label: "Refresh app list",
    effect: "asks the device to report the apps installed on it",
    destructive: false,
    platforms: APPLE,
    payload: { scope: "apps" },
  },
  {
    key: "install_profile",
    type: "install_profile",
    label: "Install profile",
    effect: "installs a stored configuration profile, replacing an earlier version of it",
    destructive: false,
    platforms: APPLE,
  },
  {
    key: "remove_profile",
    type: "remove_profile",
    label: "Remove profile",
    effect: "removes an installed configuration profile and the settings it made",
    destructive: false,
    platforms: APPLE,
  },
  {
    key: "set_device_name",
    type: "set_device_name",
    label: "Rename device",
    effect: "changes the name the device shows for itself",
    destructive: false,
    platforms: APPLE,
  },
  { key: "reboot", type: "reboot", label: "Restart", effect: "restarts the device", destructive: false },
  {
    key: "shutdown",
    type: "shutdown",
    label: "Shut down",
    effect: "turns the device off; it stays off until someone turns it on",
    destructive: false,
    platforms: APPLE,
  },
  {
    key: "delete_work_data",
    type: "delete_work_data",
    label: "Delete work data",
    effect:
      "removes work apps, accounts and data, and leaves personal data alone; the device stops being managed",
    destructive: true,
    platforms: ["android", "windows"],
  },
  {
    key: "wipe",
    type: "wipe",
    label: "Wipe",
    effect: "erases everything on the device and returns it to factory settings; this cannot be undone",
    destructive: true,
  },
];

/** The choices a device of this platform can carry out. */
export function commandChoicesFor(platform: Platform): CommandChoice[] {
  return COMMAND_CHOICES.filter((c) => !c.platforms || c.platforms.includes(platform));
}

export const COMMAND_LABELS: Record<string, string> = {
  ...Object.fromEntries(COMMAND_CHOICES.filter((c) => !c.payload).map((c) => [c.type, c.label])),
  reset_password: "Reset passcode",
  install_app: "Install app",
  uninstall_app: "Uninstall app",
  device_configured: "Finish setup",
  // Queued by the server before an Apple identity ends; an administrator may send it too.
  renew_identity: "Renew identity",
};
