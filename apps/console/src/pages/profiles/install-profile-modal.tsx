import { Alert, Button, Group, Modal, SegmentedControl, Select, Stack, Text } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useMutation, useQuery } from "@tanstack/react-query";
import { api, unwrap } from "../../api/client";
import { useCan } from "../../api/me";
import type { Profile } from "../../api/types";
import { BatchProgress } from "../../components/batch-progress";
import { ErrorAlert } from "../../components/error-alert";
import { PLATFORM_LABELS } from "../../components/format";

type ApplePlatform = "ios" | "macos";

/** Sends install_profile to every device of a platform, or to those of a group's users. */
export function InstallProfileModal({ profile, onClose }: { profile: Profile | null; onClose: () => void }) {
  const canReadGroups = useCan("groups:read");
  const form = useForm({
    initialValues: { platform: "ios" as ApplePlatform, target: "all", groupId: null as string | null },
    validate: { groupId: (v, values) => (values.target === "group" && !v ? "Choose a group" : null) },
  });
  const groups = useQuery({
    queryKey: ["groups", "tree", "flat"],
    queryFn: () => unwrap(api.GET("/api/v1/groups/tree")),
    enabled: profile !== null && canReadGroups,
    // Read afresh each time the dialog opens: a group made a moment ago must be offered.
    staleTime: 0,
  });
  const install = useMutation({
    mutationFn: async (v: typeof form.values) => {
      const command = { type: "install_profile" as const, payload: { profileId: profile!.id } };
      // The server resolves the group (nested groups included) and picks its users' devices in one send.
      const filter =
        v.target === "all" ? { platform: v.platform } : { platform: v.platform, group: v.groupId! };
      return unwrap(api.POST("/api/v1/commands", { body: { ...command, filter } }));
    },
  });
  const close = () => {
    install.reset();
    form.reset();
    onClose();
  };
  const platformLabel = PLATFORM_LABELS[form.values.platform];
  const sentTo = PLATFORM_LABELS[install.variables?.platform ?? form.values.platform];
  return (
    <Modal opened={profile !== null} onClose={close} title={profile ? `Install “${profile.name}”` : ""}>
      {profile && (
        <form onSubmit={form.onSubmit((v) => install.mutate(v))}>
          <Stack>
            {install.isError && <ErrorAlert error={install.error} />}
            <SegmentedControl
              data={[
                { value: "ios", label: "iPhone and iPad (iOS)" },
                { value: "macos", label: "Mac (macOS)" },
              ]}
              {...form.getInputProps("platform")}
            />
            {canReadGroups && (
              <SegmentedControl
                data={[
                  { value: "all", label: `All ${platformLabel} devices` },
                  { value: "group", label: "A group's devices" },
                ]}
                {...form.getInputProps("target")}
              />
            )}
            {form.values.target === "group" && (
              <Select
                label="Group"
                description={`The ${platformLabel} devices of its users, and of the users in the groups nested inside`}
                searchable
                data={(groups.data?.items ?? []).map((g) => ({ value: g.id, label: g.name }))}
                {...form.getInputProps("groupId")}
              />
            )}
            <Text size="sm" c="dimmed">
              Each device installs the profile the next time it checks in. Devices that already have it
              replace it with this version.
            </Text>
            {install.data && (
              <Alert color={install.data.queued ? "green" : "yellow"} data-testid="install-queued">
                <Stack gap="xs">
                  <Text size="sm">
                    {install.data.queued
                      ? `Queued for ${install.data.queued} ${sentTo} device${install.data.queued === 1 ? "" : "s"}.`
                      : `No managed ${sentTo} device was found there; nothing was sent.`}
                  </Text>
                  {install.data.batchId && <BatchProgress batchId={install.data.batchId} />}
                </Stack>
              </Alert>
            )}
            <Group justify="flex-end">
              <Button variant="default" onClick={close}>
                {install.data ? "Close" : "Cancel"}
              </Button>
              <Button type="submit" loading={install.isPending}>
                Install
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Modal>
  );
}
