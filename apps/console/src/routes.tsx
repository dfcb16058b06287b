import { lazy } from "react";
import { createBrowserRouter, Navigate } from "react-router";
import { RequirePermission } from "./components/require-permission";
import { ConsoleLayout } from "./components/layout/console-layout";
import { NotFoundPage } from "./pages/not-found-page";
import { SignInPage } from "./pages/sign-in/sign-in-page";

// Pages load on first visit: the sign-in page and the shell come first, each page's code when needed.
const DashboardPage = lazy(() => import("./pages/dashboard/dashboard-page"));
const UsersPage = lazy(() => import("./pages/users/users-page"));
const ImportUsersPage = lazy(() => import("./pages/users/import-users-page"));
const UserPage = lazy(() => import("./pages/users/user-page"));
const GroupsPage = lazy(() => import("./pages/groups/groups-page"));
const DevicesPage = lazy(() => import("./pages/devices/devices-page"));
const DevicePage = lazy(() => import("./pages/devices/device-page"));
const SettingsPage = lazy(() => import("./pages/settings/settings-page"));
const AuditPage = lazy(() => import("./pages/audit/audit-page"));

const guarded = (permission: string, page: React.ReactNode) => (
  <RequirePermission permission={permission}>{page}</RequirePermission>
);

export const router = createBrowserRouter(
  [
    { path: "/sign-in", element: <SignInPage /> },
    {
      element: <ConsoleLayout />,
      children: [
        { index: true, element: <Navigate to="/dashboard" replace /> },
        { path: "dashboard", element: guarded("devices:read", <DashboardPage />) },
        { path: "users", element: guarded("users:read", <UsersPage />) },
        { path: "users/import", element: guarded("users:write", <ImportUsersPage />) },
        { path: "users/:id", element: guarded("users:read", <UserPage />) },
        { path: "groups", element: guarded("groups:read", <GroupsPage />) },
        { path: "groups/:id", element: guarded("groups:read", <GroupsPage />) },
        { path: "devices", element: guarded("devices:read", <DevicesPage />) },
        { path: "devices/:id", element: guarded("devices:read", <DevicePage />) },
        { path: "settings", element: <Navigate to="/settings/administrators" replace /> },
        { path: "settings/:section", element: <SettingsPage /> },
        { path: "audit", element: guarded("audit:read", <AuditPage />) },
        { path: "*", element: <NotFoundPage /> },
      ],
    },
  ],
  { basename: "/console" },
);
