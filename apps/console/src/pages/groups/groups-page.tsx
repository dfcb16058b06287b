import { Button, Card, Grid, Stack, Text } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { useQuery } from "@tanstack/react-query";
import { useParams } from "react-router";
import { useCan } from "../../api/me";
import { EmptyState } from "../../components/empty-state";
import { ErrorAlert } from "../../components/error-alert";
import { Loading } from "../../components/loading";
import { PageHeader } from "../../components/page-header";
import { CreateGroupModal } from "./create-group-modal";
import { GroupMembers } from "./group-members";
import { GroupTree } from "./group-tree";
import { loadGroupTree } from "./group-tree-data";

export default function GroupsPage() {
  const { id } = useParams();
  const canWrite = useCan("groups:write");
  const [creating, modal] = useDisclosure();
  const tree = useQuery({ queryKey: ["groups", "tree"], queryFn: loadGroupTree });
  return (
    <Stack gap="md">
      <PageHeader
        title="Groups"
        description="Groups hold users and other groups; policies assigned to a group reach everyone in it and in the groups nested inside."
        actions={canWrite && <Button onClick={modal.open}>Create group</Button>}
      />
      {tree.isPending ? (
        <Loading />
      ) : tree.isError ? (
        <ErrorAlert error={tree.error} page retry={() => void tree.refetch()} />
      ) : tree.data.length === 0 ? (
        <EmptyState
          title="No groups yet"
          action={canWrite && <Button onClick={modal.open}>Create the first group</Button>}
        >
          Create groups such as departments or sites, then add users and nest groups inside each other.
        </EmptyState>
      ) : (
        <Grid>
          <Grid.Col span={{ base: 12, md: 5 }}>
            <Card withBorder>
              <GroupTree nodes={tree.data} selected={id} />
            </Card>
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 7 }}>
            {id ? (
              <GroupMembers groupId={id} />
            ) : (
              <Card withBorder>
                <Text size="sm" c="dimmed">
                  Choose a group to see and change its members.
                </Text>
              </Card>
            )}
          </Grid.Col>
        </Grid>
      )}
      <CreateGroupModal opened={creating} onClose={modal.close} />
    </Stack>
  );
}
