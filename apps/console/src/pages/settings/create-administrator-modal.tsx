import { Button, Group, Modal, PasswordInput, Select, Stack, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { notifications } from "@mantine/notifications";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { api, unwrap } from "../../api/client";
import type { Role } from "../../api/types";
import { ErrorAlert } from "../../components/error-alert";

export function CreateAdministratorModal({
  opened,
  onClose,
  roles,
}: {
  opened: boolean;
  onClose: () => void;
  roles: Role[];
}) {
  const queryClient = useQueryClient();
  const form = useForm({
    initialValues: { email: "", displayName: "", password: "", roleId: "help-desk" },
    validate: {
      email: (v) => (/^[^@\s]+@[^@\s]+$/.test(v.trim()) ? null : "Enter an email address"),
      password: (v) => (v.length >= 12 ? null : "At least 12 characters"),
    },
  });
  const create = useMutation({
    mutationFn: (v: typeof form.values) =>
      unwrap(
        api.POST("/api/v1/administrators", {
          body: {
            email: v.email.trim(),
            password: v.password,
            roleId: v.roleId,
            ...(v.displayName.trim() ? { displayName: v.displayName.trim() } : {}),
          },
        }),
      ),
    onSuccess: async (admin) => {
      await queryClient.invalidateQueries({ queryKey: ["administrators"] });
      notifications.show({ color: "green", message: `${admin.email} can now sign in.` });
      form.reset();
      onClose();
    },
  });
  return (
    <Modal opened={opened} onClose={onClose} title="Add an administrator">
      <form onSubmit={form.onSubmit((v) => create.mutate(v))}>
        <Stack>
          {create.isError && <ErrorAlert error={create.error} />}
          <TextInput label="Email" required {...form.getInputProps("email")} />
          <TextInput label="Name" {...form.getInputProps("displayName")} />
          <PasswordInput
            label="Initial password"
            description="At least 12 characters; ask them to change it."
            required
            {...form.getInputProps("password")}
          />
          <Select
            label="Role"
            data={roles.map((r) => ({ value: r.id, label: r.name }))}
            allowDeselect={false}
            {...form.getInputProps("roleId")}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={create.isPending}>
              Add administrator
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
