import { Center, Loader } from "@mantine/core";
import type { ReactNode } from "react";
import { useMe } from "../api/me";
import { ErrorAlert } from "./error-alert";
import { ForbiddenPage } from "./forbidden-page";

/** Shows the page only to administrators whose role holds the permission it needs. */
export function RequirePermission({ permission, children }: { permission: string; children: ReactNode }) {
  const me = useMe();
  if (me.isError) return <ErrorAlert error={me.error} />;
  if (me.isSuccess && !me.data.permissions.includes(permission))
    return <ForbiddenPage permission={permission} />;
  // While the role is being read, the page is mounted out of sight: its code and data load meanwhile
  // instead of after, and a refused page never shows. The page keeps its place in the tree when it
  // appears, so it is not mounted a second time.
  return (
    <>
      {me.isPending && (
        <Center h={200}>
          <Loader />
        </Center>
      )}
      <div style={{ display: me.isPending ? "none" : "contents" }}>{children}</div>
    </>
  );
}
