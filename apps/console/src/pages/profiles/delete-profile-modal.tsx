import { Button, Group, Modal, Stack, Text } from "@mantine/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { api, unwrap } from "../../api/client";
import type { Profile } from "../../api/types";
import { ErrorAlert } from "../../components/error-alert";
import { useTypeToConfirm } from "../../components/type-to-confirm";
import { profilesQuery } from "./profiles-query";

/** Deleting a profile is confirmed by typing its name; devices keep what they installed. */
export function DeleteProfileModal({ profile, onClose }: { profile: Profile | null; onClose: () => void }) {
  const queryClient = useQueryClient();
  const confirmation = useTypeToConfirm("profile", profile?.name);
  const remove = useMutation({
    mutationFn: (id: string) => unwrap(api.DELETE("/api/v1/profiles/{id}", { params: { path: { id } } })),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: profilesQuery.queryKey });
      close();
    },
  });
  const close = () => {
    confirmation.reset();
    remove.reset();
    onClose();
  };
  return (
    <Modal opened={profile !== null} onClose={close} title={profile ? `Delete “${profile.name}”?` : ""}>
      {profile && (
        <Stack>
          {remove.isError && <ErrorAlert error={remove.error} />}
          <Text size="sm">
            Meridian forgets the profile <b>{profile.identifier}</b>. Devices that installed it keep it: send
            “Remove profile” from a device&apos;s page to take it off.
          </Text>
          {confirmation.field}
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              Cancel
            </Button>
            <Button
              color="red"
              loading={remove.isPending}
              disabled={!confirmation.confirmed}
              onClick={() => remove.mutate(profile.id)}
            >
              Delete {profile.name}
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
