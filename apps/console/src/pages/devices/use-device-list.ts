import { keepPreviousData, useInfiniteQuery, useQuery } from "@tanstack/react-query";
import { api, unwrap } from "../../api/client";
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
export function useDeviceList(filters: DeviceFilterValues) {
  const owner = useOwnerId(filters.ownerEmail);
  const { ownerEmail } = filters;
  const query = deviceListQuery(filters, ownerEmail ? owner.data : undefined);
  const list = useInfiniteQuery({
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
    enabled: !ownerEmail || owner.isSuccess,
    // The rows shown stay until the next filter's rows replace them, instead of a spinner in between.
    placeholderData: keepPreviousData,
  });
  return { list, unknownOwner: Boolean(ownerEmail) && owner.isSuccess && owner.data === null };
}
