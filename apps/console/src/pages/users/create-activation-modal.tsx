import { Button, Checkbox, Group, Modal, NumberInput, Select, Stack } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { api, unwrap } from "../../api/client";
import type { IssuedActivation, Platform } from "../../api/types";
import { ErrorAlert } from "../../components/error-alert";
import { PLATFORM_LABELS } from "../../components/format";

const LIFETIMES = [
  { value: "60", label: "1 hour" },
  { value: "1440", label: "24 hours" },
  { value: "2880", label: "48 hours" },
  { value: "10080", label: "7 days" },
  { value: "43200", label: "30 days" },
];

export function CreateActivationModal(props: {
  userId: string;
  opened: boolean;
  onClose: () => void;
  onIssued: (issued: IssuedActivation) => void;
}) {
  const queryClient = useQueryClient();
  const form = useForm({
    initialValues: {
      lifetime: "2880",
      singleUse: true,
      deviceLimit: 5 as number | string,
      platforms: ["ios", "macos", "android", "windows"] as Platform[],
    },
    validate: { platforms: (v) => (v.length > 0 ? null : "Allow at least one platform") },
  });
  const create = useMutation({
    mutationFn: (v: typeof form.values) =>
      unwrap(
        api.POST("/api/v1/users/{id}/activations", {
          params: { path: { id: props.userId } },
          body: {
            expiresInMinutes: Number(v.lifetime),
            singleUse: v.singleUse,
            deviceLimit: Number(v.deviceLimit) || 5,
            platforms: v.platforms,
          },
        }),
      ),
    onSuccess: async (issued) => {
      await queryClient.invalidateQueries({ queryKey: ["activations", props.userId] });
      props.onIssued(issued);
    },
  });
  return (
    <Modal opened={props.opened} onClose={props.onClose} title="Create an activation">
      <form onSubmit={form.onSubmit((v) => create.mutate(v))}>
        <Stack>
          {create.isError && <ErrorAlert error={create.error} />}
          <Select
            label="Valid for"
            data={LIFETIMES}
            allowDeselect={false}
            {...form.getInputProps("lifetime")}
          />
          <NumberInput
            label="Devices this user may activate"
            min={1}
            max={100}
            {...form.getInputProps("deviceLimit")}
          />
          <Checkbox.Group label="Platforms" {...form.getInputProps("platforms")}>
            <Group mt={6}>
              {Object.entries(PLATFORM_LABELS).map(([value, label]) => (
                <Checkbox key={value} value={value} label={label} />
              ))}
            </Group>
          </Checkbox.Group>
          <Checkbox
            label="Single use: the password works for one device"
            {...form.getInputProps("singleUse", { type: "checkbox" })}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={props.onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={create.isPending}>
              Create
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
