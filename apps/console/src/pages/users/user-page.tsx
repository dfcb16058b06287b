import { Button, Card, Group, SimpleGrid, Stack, Text } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { Link, useParams } from "react-router";
import { api, unwrap } from "../../api/client";
import { ErrorAlert } from "../../components/error-alert";
import { formatDateTime } from "../../components/format";
import { Loading } from "../../components/loading";
import { PageHeader } from "../../components/page-header";
import { UserActivations } from "./user-activations";
import { UserDevices } from "./user-devices";
import { UserGroups } from "./user-groups";

export default function UserPage() {
  const { id = "" } = useParams();
  const user = useQuery({
    queryKey: ["users", id],
    queryFn: () => unwrap(api.GET("/api/v1/users/{id}", { params: { path: { id } } })),
  });
  if (user.isPending) return <Loading />;
  if (user.isError) return <ErrorAlert error={user.error} page />;
  const u = user.data;
  return (
    <Stack gap="lg">
      <PageHeader
        title={u.displayName || u.email}
        description={u.email}
        actions={
          <Button variant="default" component={Link} to="/users">
            All users
          </Button>
        }
      />
      <Card withBorder>
        <SimpleGrid cols={{ base: 2, sm: 4 }}>
          <Detail label="Given name" value={u.givenName ?? "—"} />
          <Detail label="Family name" value={u.familyName ?? "—"} />
          <Detail label="Source" value={u.source} />
          <Detail label="Created" value={formatDateTime(u.createdAt)} />
        </SimpleGrid>
      </Card>
      <UserActivations userId={u.id} userEmail={u.email} />
      <SimpleGrid cols={{ base: 1, lg: 2 }}>
        <UserDevices userId={u.id} />
        <UserGroups userId={u.id} />
      </SimpleGrid>
    </Stack>
  );
}

function Detail({ label, value }: { label: string; value: string }) {
  return (
    <Group gap={2} style={{ flexDirection: "column", alignItems: "flex-start" }}>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      <Text size="sm">{value}</Text>
    </Group>
  );
}
