import { Button, Group, Modal, Stack, Text, TextInput } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { api, unwrap } from "../../api/client";
import type { Device } from "../../api/types";
import { ErrorAlert } from "../../components/error-alert";
import type { CommandChoice } from "./command-types";

/** Every command is confirmed; a destructive one names the device and, for a wipe, asks for its name typed. */
export function ConfirmCommandModal({
  device,
  choice,
  onClose,
}: {
  device: Device;
  choice: CommandChoice | null;
  onClose: () => void;
}) {
  const queryClient = useQueryClient();
  const [message, setMessage] = useState("");
  const [typedName, setTypedName] = useState("");
  const send = useMutation({
    mutationFn: (c: CommandChoice) =>
      unwrap(
        api.POST("/api/v1/devices/{id}/commands", {
          params: { path: { id: device.id } },
          body: {
            type: c.type,
            ...(c.type === "lock" && message.trim() ? { payload: { message: message.trim() } } : {}),
          },
        }),
      ),
    onSuccess: async (_command, c) => {
      notifications.show({
        color: "green",
        message: `${c.label} was sent to ${device.name}. It runs the next time the device checks in.`,
      });
      await queryClient.invalidateQueries({ queryKey: ["devices", device.id, "commands"] });
      close();
    },
  });
  const close = () => {
    setMessage("");
    setTypedName("");
    send.reset();
    onClose();
  };
  const needsName = choice?.type === "wipe";
  return (
    <Modal opened={choice !== null} onClose={close} title={choice ? `${choice.label} “${device.name}”?` : ""}>
      {choice && (
        <Stack>
          {send.isError && <ErrorAlert error={send.error} />}
          <Text size="sm">
            This {choice.effect}. It is sent to <b>{device.name}</b>
            {device.serialNumber ? ` (serial ${device.serialNumber})` : ""}.
          </Text>
          {choice.type === "lock" && (
            <TextInput
              label="Message on the lock screen (optional)"
              value={message}
              onChange={(e) => setMessage(e.currentTarget.value)}
            />
          )}
          {needsName && (
            <TextInput
              label={`Type the device's name, ${device.name}, to confirm`}
              value={typedName}
              onChange={(e) => setTypedName(e.currentTarget.value)}
            />
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              Cancel
            </Button>
            <Button
              color={choice.destructive ? "red" : undefined}
              loading={send.isPending}
              disabled={needsName && typedName.trim() !== device.name}
              onClick={() => send.mutate(choice)}
            >
              {choice.label} {choice.destructive ? device.name : ""}
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
