import type { DeviceListQuery } from "../../api/types";
import { DEVICE_FILTERS, DEVICE_PAGE } from "../../boot/first-screen";

export type DeviceFilterValues = Pick<
  DeviceListQuery,
  "platform" | "osVersion" | "state" | "ownership" | "compliance" | "group" | "q" | "sort" | "order"
> & {
  ownerEmail?: string | undefined;
};

const KEYS = [...DEVICE_FILTERS, "ownerEmail"] as const;

/** The device list's filters live in the address, so a filtered list can be bookmarked and shared. */
export function filtersFromSearch(params: URLSearchParams): DeviceFilterValues {
  const values: Record<string, string> = {};
  for (const key of KEYS) {
    const value = params.get(key);
    if (value) values[key] = value;
  }
  return values as DeviceFilterValues;
}

export function searchFromFilters(filters: DeviceFilterValues): URLSearchParams {
  const params = new URLSearchParams();
  for (const key of KEYS) {
    const value = filters[key];
    if (value) params.set(key, value);
  }
  return params;
}

/** The first page's query; the owner, named by email in the address, goes to the API as the user's id. */
export function deviceListQuery(
  filters: DeviceFilterValues,
  ownerId: string | null | undefined,
): DeviceListQuery {
  const { ownerEmail: _byEmail, ...rest } = filters;
  return { ...rest, limit: DEVICE_PAGE, ...(ownerId ? { owner: ownerId } : {}) };
}
