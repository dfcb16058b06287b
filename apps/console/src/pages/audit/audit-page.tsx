import { Button, Card, Group, Stack, Text } from "@mantine/core";
import { useInfiniteQuery } from "@tanstack/react-query";
import { useState } from "react";
import { EmptyState } from "../../components/empty-state";
import { ErrorAlert } from "../../components/error-alert";
import { Loading } from "../../components/loading";
import { PageHeader } from "../../components/page-header";
import { AuditExportButton } from "./audit-export-button";
import { AuditFilterBar } from "./audit-filter-bar";
import { fetchAuditPage, type AuditFilters } from "./audit-query";
import { AuditTable } from "./audit-table";

export default function AuditPage() {
  const [filters, setFilters] = useState<AuditFilters>({});
  const events = useInfiniteQuery({
    queryKey: ["audit", "list", filters],
    queryFn: ({ pageParam }) => fetchAuditPage(filters, pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor,
  });
  const items = events.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <Stack gap="md">
      <PageHeader
        title="Audit log"
        description="Every change an administrator made, and every sign-in, newest first."
        actions={<AuditExportButton filters={filters} />}
      />
      <AuditFilterBar filters={filters} onChange={setFilters} />
      {events.isPending ? (
        <Loading />
      ) : events.isError ? (
        <ErrorAlert error={events.error} page retry={() => void events.refetch()} />
      ) : items.length === 0 ? (
        <EmptyState title="No events match">Widen the dates or clear a filter.</EmptyState>
      ) : (
        <Card withBorder padding={0}>
          <AuditTable events={items} />
          <Group justify="space-between" p="sm">
            <Text size="sm" c="dimmed">
              {items.length.toLocaleString()} shown
            </Text>
            {events.hasNextPage && (
              <Button
                size="xs"
                variant="default"
                loading={events.isFetchingNextPage}
                onClick={() => void events.fetchNextPage()}
              >
                Show more
              </Button>
            )}
          </Group>
        </Card>
      )}
    </Stack>
  );
}
