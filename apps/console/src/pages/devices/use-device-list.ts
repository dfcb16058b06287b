import {
  infiniteQueryOptions,
  keepPreviousData,
  useInfiniteQuery,
  useQuery,
  useQueryClient,
} from "@tanstack/react-query";
import { api, unwrap } from "../../api/client";
import type { DeviceListQuery } from "../../api/types";
import { deviceListQuery, type DeviceFilterValues } from "./device-filters";

/** The owner filter names a user by email; the API takes the user's id. */
function useOwnerId(email: string | undefined) {
  return useQuery({
    queryKey: ["users", "by-email", email],
    queryFn: async () =>
      (await unwrap(api.GET("/api/v1/users", { params: { query: { email: email!, limit: 1 } } }))).items[0]
        ?.id ?? null,
    enabled: Boolean(email),
    staleTime: 60_000,
  });
}

/** The filtered device list, fetched page by page (key-based paging) as the table scrolls. */
/** One filtered list's pages, by key-based paging. */
function deviceList(query: DeviceListQuery) {
  return infiniteQueryOptions({
    queryKey: ["devices", "list", query],
    queryFn: ({ pageParam, signal }) =>
      unwrap(
        api.GET("/api/v1/devices", {
          params: { query: { ...query, ...(pageParam ? { cursor: pageParam } : {}) } },
          signal,
        }),
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor,
  });
}

/** The filtered device list, fetched page by page as the table scrolls. */
export function useDeviceList(filters: DeviceFilterValues) {
  const owner = useOwnerId(filters.ownerEmail);
  const { ownerEmail } = filters;
  const list = useInfiniteQuery({
    ...deviceList(deviceListQuery(filters, ownerEmail ? owner.data : undefined)),
    enabled: !ownerEmail || owner.isSuccess,
    // The rows shown stay until the next filter's rows replace them, instead of a spinner in between.
    placeholderData: keepPreviousData,
  });
  return { list, unknownOwner: Boolean(ownerEmail) && owner.isSuccess && owner.data === null };
}

/**
 * Asks for the first page of the list these filters will show, as they are chosen: the request
 * then runs while the page renders the change, not after. (An owner filter waits for the owner.)
 */
export function usePrefetchDeviceList(): (filters: DeviceFilterValues) => void {
  const queryClient = useQueryClient();
  return (filters) => {
    if (!filters.ownerEmail)
      void queryClient.prefetchInfiniteQuery(deviceList(deviceListQuery(filters, undefined)));
  };
}
