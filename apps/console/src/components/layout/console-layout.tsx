import { AppShell, Burger, Center, Group, Loader, Text } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { Suspense } from "react";
import { Navigate, Outlet, useLocation } from "react-router";
import { useSession } from "../../api/session";
import { AccountMenu } from "./account-menu";
import { NavLinks } from "./nav-links";

/** The signed-in frame: header, navigation (behind a menu button below 992 px) and the page. */
export function ConsoleLayout() {
  const session = useSession();
  const location = useLocation();
  const [opened, { toggle, close }] = useDisclosure();
  if (!session)
    return <Navigate to="/sign-in" replace state={{ from: location.pathname + location.search }} />;
  return (
    <AppShell
      header={{ height: 56 }}
      navbar={{ width: 220, breakpoint: "md", collapsed: { mobile: !opened } }}
      padding="lg"
    >
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger opened={opened} onClick={toggle} hiddenFrom="md" size="sm" aria-label="Menu" />
            <Text fw={700} size="lg" c="indigo.7">
              Meridian
            </Text>
          </Group>
          <AccountMenu />
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="sm">
        <NavLinks onNavigate={close} />
      </AppShell.Navbar>
      <AppShell.Main>
        <Suspense
          fallback={
            <Center h={200}>
              <Loader />
            </Center>
          }
        >
          <Outlet />
        </Suspense>
      </AppShell.Main>
    </AppShell>
  );
}
