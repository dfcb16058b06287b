import type { CommandType } from "../../api/types";

export interface CommandChoice {
  type: CommandType;
  label: string;
  /** What happens, said before the administrator confirms. */
  effect: string;
  destructive: boolean;
}

/** The commands the console offers from a device's page. */
export const COMMAND_CHOICES: CommandChoice[] = [
  {
    type: "lock",
    label: "Lock",
    effect: "locks the screen now; the user unlocks it with their passcode",
    destructive: false,
  },
  {
    type: "request_inventory",
    label: "Refresh inventory",
    effect: "asks the device to report its inventory again",
    destructive: false,
  },
  { type: "reboot", label: "Restart", effect: "restarts the device", destructive: false },
  {
    type: "delete_work_data",
    label: "Delete work data",
    effect:
      "removes work apps, accounts and data, and leaves personal data alone; the device stops being managed",
    destructive: true,
  },
  {
    type: "wipe",
    label: "Wipe",
    effect: "erases everything on the device and returns it to factory settings; this cannot be undone",
    destructive: true,
  },
];

export const COMMAND_LABELS: Record<string, string> = {
  ...Object.fromEntries(COMMAND_CHOICES.map((c) => [c.type, c.label])),
  reset_password: "Reset passcode",
  install_app: "Install app",
  uninstall_app: "Uninstall app",
  shutdown: "Shut down",
  install_profile: "Install profile",
  remove_profile: "Remove profile",
  set_device_name: "Rename device",
  device_configured: "Finish setup",
};
