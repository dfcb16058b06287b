import { useQuery } from "@tanstack/react-query";
import { api, unwrap } from "./client";
import { useSession } from "./session";

/** Who is signed in and what their role allows. */
export function useMe() {
  const session = useSession();
  return useQuery({
    queryKey: ["me", session?.token],
    queryFn: () => unwrap(api.GET("/api/v1/auth/me")),
    enabled: session !== null,
    staleTime: 60_000,
  });
}

export function useCan(permission: string): boolean {
  return useMe().data?.permissions.includes(permission) ?? false;
}
