import { Button, FileButton } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { api, unwrap } from "../../api/client";
import { readFileAsBase64 } from "../../components/read-file-base64";
import { profilesQuery } from "./profiles-query";

/** Reads a .mobileconfig in the browser and uploads it; the server checks it and says what is wrong. */
export function UploadProfileButton({ onError }: { onError: (error: unknown) => void }) {
  const queryClient = useQueryClient();
  const upload = useMutation({
    mutationFn: async (file: File) =>
      unwrap(api.POST("/api/v1/profiles", { body: { payloadBase64: await readFileAsBase64(file) } })),
    onMutate: () => onError(null),
    onSuccess: async ({ profile, replaced }) => {
      notifications.show({
        color: "green",
        message: replaced
          ? `${profile.name} replaced the stored profile with the identifier ${profile.identifier}.`
          : `${profile.name} was uploaded.`,
      });
      await queryClient.invalidateQueries({ queryKey: profilesQuery.queryKey });
    },
    onError,
  });
  return (
    <FileButton
      onChange={(file) => file && upload.mutate(file)}
      accept=".mobileconfig,application/x-apple-aspen-config"
    >
      {(props) => (
        <Button {...props} loading={upload.isPending}>
          Upload profile
        </Button>
      )}
    </FileButton>
  );
}
