import { Type } from "typebox";
import { Message, Text } from "./common.js";

/** The commands the Meridian agent carries out; the others belong to Apple's own MDM protocol. */
export const AGENT_COMMAND_TYPES = [
  "lock",
  "reboot",
  "wipe",
  "delete_work_data",
  "reset_password",
  "request_inventory",
  "install_app",
  "uninstall_app",
] as const;
export type AgentCommandType = (typeof AGENT_COMMAND_TYPES)[number];

export const DeliveredCommand = Message(
  {
    id: Type.String(),
    type: Type.Enum(AGENT_COMMAND_TYPES),
    payload: Type.Record(Type.String(), Type.Unknown()),
    expiresAt: Type.Integer(),
  },
  "A command for the device to carry out, then answer with a CommandResult.",
);

export const CommandResult = Message(
  {
    status: Type.Enum(["acknowledged", "error", "not_now"]),
    result: Type.Optional(Type.Record(Type.String(), Type.Unknown())),
    error: Type.Optional(
      Type.Object({ code: Text(100), message: Text(1000) }, { additionalProperties: false }),
    ),
  },
  "What the device did with a command: done, failed (with why), or not now (ask again later).",
);
