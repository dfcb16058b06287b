import { Avatar, Button, Group, Menu, Text } from "@mantine/core";
import { useQueryClient } from "@tanstack/react-query";
import { api } from "../../api/client";
import { endSession, useSession } from "../../api/session";

export function AccountMenu() {
  const session = useSession();
  const queryClient = useQueryClient();
  const signOut = async () => {
    // The server ends the session; the console forgets it even when the server cannot be reached.
    await api.POST("/api/v1/auth/logout").catch(() => undefined);
    endSession("You have signed out.");
    queryClient.clear();
  };
  if (!session) return null;
  return (
    <Menu position="bottom-end" withArrow>
      <Menu.Target>
        <Button variant="subtle" color="gray" px="xs" aria-label="Account">
          <Group gap="xs" wrap="nowrap">
            <Avatar size="sm" color="indigo" radius="xl">
              {(session.displayName || session.email).slice(0, 1).toUpperCase()}
            </Avatar>
            <Text size="sm" visibleFrom="sm">
              {session.displayName || session.email}
            </Text>
          </Group>
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>{session.email}</Menu.Label>
        <Menu.Item onClick={() => void signOut()}>Sign out</Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
