import { Button, Group, Modal, Stack, Text } from "@mantine/core";
import { useForm } from "@mantine/form";
import { notifications } from "@mantine/notifications";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { api, unwrap } from "../../api/client";
import type { Device } from "../../api/types";
import { ErrorAlert } from "../../components/error-alert";
import { useTypeToConfirm } from "../../components/type-to-confirm";
import { commandInputProblems, commandPayload, EMPTY_COMMAND_INPUT, needsPin } from "./command-payload";
import { CommandPayloadFields } from "./command-payload-fields";
import type { CommandChoice } from "./command-types";

/** Commands whose title would otherwise read as if the device were the profile. */
const ON_THE_DEVICE = new Set(["install_profile", "remove_profile"]);

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
  const confirmation = useTypeToConfirm("device", device.name);
  const form = useForm({
    initialValues: EMPTY_COMMAND_INPUT,
    validate: (values) => (choice ? commandInputProblems(choice, device.platform, values) : {}),
  });
  const send = useMutation({
    mutationFn: ({ choice: c, values }: { choice: CommandChoice; values: typeof form.values }) => {
      const payload = commandPayload(c, device.platform, values);
      return unwrap(
        api.POST("/api/v1/devices/{id}/commands", {
          params: { path: { id: device.id } },
          body: { type: c.type, ...(payload ? { payload } : {}) },
        }),
      );
    },
    onSuccess: async (_command, { choice: c, values }) => {
      notifications.show({
        color: "green",
        autoClose: needsPin(c, device.platform) ? false : undefined,
        message:
          `${c.label} was sent to ${device.name}. It runs the next time the device checks in.` +
          (needsPin(c, device.platform) ? ` Its PIN is ${values.pin}.` : ""),
      });
      await queryClient.invalidateQueries({ queryKey: ["devices", device.id, "commands"] });
      close();
    },
  });
  const close = () => {
    form.reset();
    confirmation.reset();
    send.reset();
    onClose();
  };
  const needsName = choice?.type === "wipe";
  return (
    <Modal
      opened={choice !== null}
      onClose={close}
      title={choice ? `${choice.label}${ON_THE_DEVICE.has(choice.type) ? " on" : ""} “${device.name}”?` : ""}
    >
      {choice && (
        <form onSubmit={form.onSubmit((values) => send.mutate({ choice, values }))}>
          <Stack>
            {send.isError && <ErrorAlert error={send.error} />}
            <Text size="sm">
              This {choice.effect}. It is sent to <b>{device.name}</b>
              {device.serialNumber ? ` (serial ${device.serialNumber})` : ""}.
            </Text>
            <CommandPayloadFields choice={choice} device={device} form={form} />
            {needsName && confirmation.field}
            <Group justify="flex-end">
              <Button variant="default" onClick={close}>
                Cancel
              </Button>
              <Button
                type="submit"
                color={choice.destructive ? "red" : undefined}
                loading={send.isPending}
                disabled={needsName && !confirmation.confirmed}
              >
                {choice.label} {choice.destructive ? device.name : ""}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Modal>
  );
}
