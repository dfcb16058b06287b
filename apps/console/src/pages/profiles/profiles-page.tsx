import { Card, Stack } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useCan } from "../../api/me";
import type { Profile } from "../../api/types";
import { EmptyState } from "../../components/empty-state";
import { ErrorAlert } from "../../components/error-alert";
import { Loading } from "../../components/loading";
import { PageHeader } from "../../components/page-header";
import { DeleteProfileModal } from "./delete-profile-modal";
import { InstallProfileModal } from "./install-profile-modal";
import { profilesQuery } from "./profiles-query";
import { ProfilesTable } from "./profiles-table";
import { UploadProfileButton } from "./upload-profile-button";

export default function ProfilesPage() {
  const canWrite = useCan("profiles:write");
  const canCommand = useCan("devices:command");
  const profiles = useQuery(profilesQuery);
  const [uploadError, setUploadError] = useState<unknown>(null);
  const [installing, setInstalling] = useState<Profile | null>(null);
  const [deleting, setDeleting] = useState<Profile | null>(null);
  const upload = canWrite && <UploadProfileButton onError={setUploadError} />;
  return (
    <Stack gap="md">
      <PageHeader
        title="Configuration profiles"
        description="Apple configuration profiles (.mobileconfig) set up Wi-Fi, mail, restrictions and more on iPhones, iPads and Macs. Upload one, then install it on devices."
        actions={upload}
      />
      {uploadError !== null && <ErrorAlert error={uploadError} />}
      {profiles.isPending ? (
        <Loading />
      ) : profiles.isError ? (
        <ErrorAlert error={profiles.error} page retry={() => void profiles.refetch()} />
      ) : profiles.data.items.length === 0 ? (
        <EmptyState title="No profiles yet">
          Export a profile from Apple Configurator or another tool as a .mobileconfig file and upload it here.
          Uploading a profile with the same identifier again replaces the stored version.
        </EmptyState>
      ) : (
        <Card withBorder p={0}>
          <ProfilesTable
            profiles={profiles.data.items}
            canWrite={canWrite}
            canCommand={canCommand}
            onInstall={setInstalling}
            onDelete={setDeleting}
          />
        </Card>
      )}
      <InstallProfileModal profile={installing} onClose={() => setInstalling(null)} />
      <DeleteProfileModal profile={deleting} onClose={() => setDeleting(null)} />
    </Stack>
  );
}
