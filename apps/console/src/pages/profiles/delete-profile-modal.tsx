import { Button, Group, Modal, Stack, Text, TextInput } from "@mantine/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { api, unwrap } from "../../api/client";
import type { Profile } from "../../api/types";
import { ErrorAlert } from "../../components/error-alert";
import { profilesQuery } from "./profiles-query";

/** Deleting a profile is confirmed by typing its name; devices keep what they installed. */
export function DeleteProfileModal({ profile, onClose }: { profile: Profile | null; onClose: () => void }) {
  const queryClient = useQueryClient();
  const [typedName, setTypedName] = useState("");
  const remove = useMutation({
    mutationFn: (id: string) => unwrap(api.DELETE("/api/v1/profiles/{id}", { params: { path: { id } } })),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: profilesQuery.queryKey });
      close();
    },
  });
  const close = () => {
    setTypedName("");
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
          <TextInput
            label={`Type the profile's name, ${profile.name}, to confirm`}
            value={typedName}
            onChange={(e) => setTypedName(e.currentTarget.value)}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              Cancel
            </Button>
            <Button
              color="red"
              loading={remove.isPending}
              disabled={typedName.trim() !== profile.name}
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
