import { api, unwrap } from "../../api/client";

/** The stored profiles, one page of up to 500: more than any organisation keeps. */
export const profilesQuery = {
  queryKey: ["profiles"],
  queryFn: () => unwrap(api.GET("/api/v1/profiles", { params: { query: { limit: 500 } } })),
};
