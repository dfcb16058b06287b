import { Center, Loader } from "@mantine/core";
import type { ReactNode } from "react";
import { useMe } from "../api/me";
import { ErrorAlert } from "./error-alert";
import { ForbiddenPage } from "./forbidden-page";

/** Shows the page only to administrators whose role holds the permission it needs. */
export function RequirePermission({ permission, children }: { permission: string; children: ReactNode }) {
  const me = useMe();
  // While the role is being read, the page is mounted out of sight: its code and data load meanwhile
  // instead of after, and a refused page never shows.
  if (me.isPending)
    return (
      <>
        <Center h={200}>
          <Loader />
        </Center>
        <div style={{ display: "none" }}>{children}</div>
      </>
    );
  if (me.isError) return <ErrorAlert error={me.error} />;
  if (!me.data.permissions.includes(permission)) return <ForbiddenPage permission={permission} />;
  return children;
}
