import { createBrowserRouter, matchRoutes, Navigate } from "react-router";
import { currentSession } from "./api/session";
import { RequirePermission } from "./components/require-permission";
import { ConsoleLayout } from "./components/layout/console-layout";
import { lazyPage, type LazyPage } from "./components/lazy-page";
import { NotFoundPage } from "./pages/not-found-page";
import { SignInPage } from "./pages/sign-in/sign-in-page";

// Pages load on first visit: the sign-in page and the shell come first, each page's code when needed.
const DashboardPage = lazyPage(() => import("./pages/dashboard/dashboard-page"));
const UsersPage = lazyPage(() => import("./pages/users/users-page"));
const ImportUsersPage = lazyPage(() => import("./pages/users/import-users-page"));
const UserPage = lazyPage(() => import("./pages/users/user-page"));
const GroupsPage = lazyPage(() => import("./pages/groups/groups-page"));
const DevicesPage = lazyPage(() => import("./pages/devices/devices-page"));
const DevicePage = lazyPage(() => import("./pages/devices/device-page"));
const ProfilesPage = lazyPage(() => import("./pages/profiles/profiles-page"));
const SettingsPage = lazyPage(() => import("./pages/settings/settings-page"));
const AuditPage = lazyPage(() => import("./pages/audit/audit-page"));

const guarded = (permission: string, page: React.ReactNode) => (
  <RequirePermission permission={permission}>{page}</RequirePermission>
);

export const router = createBrowserRouter(
  [
    { path: "/sign-in", element: <SignInPage /> },
    {
      element: <ConsoleLayout />,
      children: [
        { index: true, element: <Navigate to="/dashboard" replace />, handle: DashboardPage },
        { path: "dashboard", element: guarded("devices:read", <DashboardPage />), handle: DashboardPage },
        { path: "users", element: guarded("users:read", <UsersPage />), handle: UsersPage },
        {
          path: "users/import",
          element: guarded("users:write", <ImportUsersPage />),
          handle: ImportUsersPage,
        },
        { path: "users/:id", element: guarded("users:read", <UserPage />), handle: UserPage },
        { path: "groups", element: guarded("groups:read", <GroupsPage />), handle: GroupsPage },
        { path: "groups/:id", element: guarded("groups:read", <GroupsPage />), handle: GroupsPage },
        { path: "devices", element: guarded("devices:read", <DevicesPage />), handle: DevicesPage },
        { path: "devices/:id", element: guarded("devices:read", <DevicePage />), handle: DevicePage },
        { path: "profiles", element: guarded("profiles:read", <ProfilesPage />), handle: ProfilesPage },
        { path: "settings", element: <Navigate to="/settings/administrators" replace /> },
        { path: "settings/:section", element: <SettingsPage />, handle: SettingsPage },
        { path: "audit", element: guarded("audit:read", <AuditPage />), handle: AuditPage },
        { path: "*", element: <NotFoundPage /> },
      ],
    },
  ],
  { basename: "/console" },
);

/**
 * Loads the code of the page the console opens on before the first render, so that it renders
 * without suspending (index.html has already started loading it: see boot/first-screen.ts).
 */
export function loadFirstPage(): Promise<unknown> {
  // Signed out, the console opens on the sign-in page, whatever the address.
  if (!currentSession()) return Promise.resolve();
  const matches = matchRoutes(router.routes, globalThis.location, "/console") ?? [];
  return Promise.all(matches.map((m) => (m.route.handle as LazyPage | undefined)?.load()));
}
