import { NavLink, Stack } from "@mantine/core";
import { Link, useLocation } from "react-router";
import { useMe } from "../../api/me";

const LINKS = [
  { to: "/dashboard", label: "Dashboard", permission: "devices:read" },
  { to: "/users", label: "Users", permission: "users:read" },
  { to: "/groups", label: "Groups", permission: "groups:read" },
  { to: "/devices", label: "Devices", permission: "devices:read" },
  { to: "/profiles", label: "Profiles", permission: "profiles:read" },
  { to: "/audit", label: "Audit log", permission: "audit:read" },
  { to: "/settings", label: "Settings", permission: null },
];

export function NavLinks({ onNavigate }: { onNavigate: () => void }) {
  const { pathname } = useLocation();
  const permissions = useMe().data?.permissions;
  return (
    <Stack gap={4} component="nav" aria-label="Main">
      {LINKS.filter((l) => !l.permission || !permissions || permissions.includes(l.permission)).map(
        (link) => (
          <NavLink
            key={link.to}
            component={Link}
            to={link.to}
            label={link.label}
            active={pathname === link.to || pathname.startsWith(`${link.to}/`)}
            onClick={onNavigate}
            style={{ borderRadius: "var(--mantine-radius-md)" }}
          />
        ),
      )}
    </Stack>
  );
}
