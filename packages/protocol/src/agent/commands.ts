import { Type } from "typebox";
import { Message, Text } from "./common.js";

export const DeliveredCommand = Message(
  {
    id: Type.String(),
    type: Type.Enum([
      "lock",
      "reboot",
      "wipe",
      "delete_work_data",
      "reset_password",
      "request_inventory",
      "install_app",
      "uninstall_app",
    ]),
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
