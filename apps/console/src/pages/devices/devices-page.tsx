import { Alert, Stack } from "@mantine/core";
import { useMemo } from "react";
import { useSearchParams } from "react-router";
import { EmptyState } from "../../components/empty-state";
import { ErrorAlert } from "../../components/error-alert";
import { Loading } from "../../components/loading";
import { PageHeader } from "../../components/page-header";
import { DeviceFilterBar } from "./device-filter-bar";
import { filtersFromSearch, searchFromFilters, type DeviceFilterValues } from "./device-filters";
import { DeviceTable } from "./device-table";
import { useDeviceList, usePrefetchDeviceList } from "./use-device-list";

export default function DevicesPage() {
  const [params, setParams] = useSearchParams();
  const filters = useMemo(() => filtersFromSearch(params), [params]);
  const prefetch = usePrefetchDeviceList();
  const setFilters = (next: DeviceFilterValues) => {
    prefetch(next);
    setParams(searchFromFilters(next), { replace: true });
  };
  const { list, unknownOwner } = useDeviceList(filters);
  const devices = useMemo(() => list.data?.pages.flatMap((p) => p.items) ?? [], [list.data]);
  const filtered = Object.values(filters).some(Boolean);
  return (
    <Stack gap="md">
      <PageHeader
        title="Devices"
        description="Every managed device. Filter, then open one to see its inventory and send commands."
      />
      <DeviceFilterBar filters={filters} onChange={setFilters} />
      {unknownOwner ? (
        <Alert color="yellow">
          No user has the email {filters.ownerEmail}. Check the address or clear the owner filter.
        </Alert>
      ) : list.isPending ? (
        <Loading />
      ) : list.isError ? (
        <ErrorAlert error={list.error} page retry={() => void list.refetch()} />
      ) : devices.length === 0 ? (
        filtered ? (
          <EmptyState title="No device matches these filters">
            Clear a filter or two to see more devices.
          </EmptyState>
        ) : (
          <EmptyState title="No devices yet">
            Devices appear here when they activate: create an activation on a user&apos;s page and hand them
            its password or QR code.
          </EmptyState>
        )
      ) : (
        <DeviceTable
          listKey={searchFromFilters(filters).toString()}
          devices={devices}
          hasMore={list.hasNextPage && !list.isPlaceholderData}
          loadingMore={list.isFetchingNextPage}
          loadMore={() => void list.fetchNextPage()}
          sort={filters.sort ?? "name"}
          order={filters.order ?? "asc"}
          onSort={(sort, order) => setFilters({ ...filters, sort, order })}
        />
      )}
    </Stack>
  );
}
