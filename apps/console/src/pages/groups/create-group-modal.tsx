import { Button, Group, Modal, Stack, Textarea, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useNavigate } from "react-router";
import { api, unwrap } from "../../api/client";
import { ErrorAlert } from "../../components/error-alert";

export function CreateGroupModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const form = useForm({
    initialValues: { name: "", description: "" },
    validate: { name: (v) => (v.trim() ? null : "Give the group a name") },
  });
  const create = useMutation({
    mutationFn: (v: typeof form.values) =>
      unwrap(
        api.POST("/api/v1/groups", {
          body: {
            name: v.name.trim(),
            ...(v.description.trim() ? { description: v.description.trim() } : {}),
          },
        }),
      ),
    onSuccess: async (group) => {
      await queryClient.invalidateQueries({ queryKey: ["groups"] });
      form.reset();
      onClose();
      await navigate(`/groups/${group.id}`);
    },
  });
  return (
    <Modal opened={opened} onClose={onClose} title="Create a group">
      <form onSubmit={form.onSubmit((v) => create.mutate(v))}>
        <Stack>
          {create.isError && <ErrorAlert error={create.error} />}
          <TextInput label="Name" required data-autofocus {...form.getInputProps("name")} />
          <Textarea label="Description" {...form.getInputProps("description")} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={create.isPending}>
              Create group
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
