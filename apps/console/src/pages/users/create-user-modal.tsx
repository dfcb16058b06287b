import { Button, Group, Modal, Stack, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { notifications } from "@mantine/notifications";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useNavigate } from "react-router";
import { api, unwrap } from "../../api/client";
import { ErrorAlert } from "../../components/error-alert";

export function CreateUserModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const form = useForm({
    initialValues: { email: "", givenName: "", familyName: "" },
    validate: {
      email: (v) =>
        /^[^@\s]+@[^@\s]+$/.test(v.trim()) ? null : "Enter an email address like jane@example.com",
    },
  });
  const create = useMutation({
    mutationFn: (v: typeof form.values) =>
      unwrap(
        api.POST("/api/v1/users", {
          body: {
            email: v.email.trim(),
            ...(v.givenName.trim() ? { givenName: v.givenName.trim() } : {}),
            ...(v.familyName.trim() ? { familyName: v.familyName.trim() } : {}),
          },
        }),
      ),
    onSuccess: async (user) => {
      await queryClient.invalidateQueries({ queryKey: ["users"] });
      notifications.show({ color: "green", message: `${user.email} was created.` });
      form.reset();
      onClose();
      await navigate(`/users/${user.id}`);
    },
  });
  return (
    <Modal opened={opened} onClose={onClose} title="Create a user">
      <form onSubmit={form.onSubmit((v) => create.mutate(v))}>
        <Stack>
          {create.isError && <ErrorAlert error={create.error} />}
          <TextInput label="Email" required data-autofocus {...form.getInputProps("email")} />
          <TextInput label="Given name" {...form.getInputProps("givenName")} />
          <TextInput label="Family name" {...form.getInputProps("familyName")} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={create.isPending}>
              Create user
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
