import { Button, Card, Stack, TextInput } from "@mantine/core";
import { useDebouncedValue, useDisclosure } from "@mantine/hooks";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { Link } from "react-router";
import { api, unwrap } from "../../api/client";
import { useCan } from "../../api/me";
import { CursorPager, useCursorPages } from "../../components/cursor-pager";
import { EmptyState } from "../../components/empty-state";
import { ErrorAlert } from "../../components/error-alert";
import { Loading } from "../../components/loading";
import { PageHeader } from "../../components/page-header";
import { CreateUserModal } from "./create-user-modal";
import { UsersTable } from "./users-table";

export default function UsersPage() {
  const [search, setSearch] = useState("");
  const [q] = useDebouncedValue(search.trim(), 250);
  const pages = useCursorPages(q);
  const canWrite = useCan("users:write");
  const [creating, createModal] = useDisclosure();
  const users = useQuery({
    queryKey: ["users", "list", q, pages.cursor],
    queryFn: () =>
      unwrap(
        api.GET("/api/v1/users", {
          params: {
            query: { limit: 50, ...(q ? { q } : {}), ...(pages.cursor ? { cursor: pages.cursor } : {}) },
          },
        }),
      ),
    placeholderData: keepPreviousData,
  });
  return (
    <Stack gap="md">
      <PageHeader
        title="Users"
        description="The people whose devices Meridian manages."
        actions={
          canWrite && (
            <>
              <Button variant="default" component={Link} to="/users/import">
                Import from CSV
              </Button>
              <Button onClick={createModal.open}>Create user</Button>
            </>
          )
        }
      />
      <TextInput
        placeholder="Search by email or name"
        aria-label="Search users"
        value={search}
        onChange={(e) => setSearch(e.currentTarget.value)}
        maw={420}
      />
      {users.isPending ? (
        <Loading />
      ) : users.isError ? (
        <ErrorAlert error={users.error} page retry={() => void users.refetch()} />
      ) : users.data.items.length === 0 ? (
        q ? (
          <EmptyState title="No user matches">
            Nobody&apos;s email or name contains “{q}”. Try a shorter search.
          </EmptyState>
        ) : (
          <EmptyState
            title="No users yet"
            action={canWrite && <Button onClick={createModal.open}>Create the first user</Button>}
          >
            Create users one by one, import them from a CSV file, or connect a directory. Each user can then
            activate their devices.
          </EmptyState>
        )
      ) : (
        <Card withBorder padding={0}>
          <UsersTable users={users.data.items} />
          <Card.Section px="md" pb="sm">
            <CursorPager pages={pages} nextCursor={users.data.nextCursor} shown={users.data.items.length} />
          </Card.Section>
        </Card>
      )}
      <CreateUserModal opened={creating} onClose={createModal.close} />
    </Stack>
  );
}
