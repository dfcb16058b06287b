import { Card, Stack, Text, Title } from "@mantine/core";
import type { ReactNode } from "react";

/** An empty list that says what to do next. */
export function EmptyState({
  title,
  children,
  action,
}: {
  title: string;
  children: ReactNode;
  action?: ReactNode;
}) {
  return (
    <Card withBorder padding="xl" radius="md" data-testid="empty-state">
      <Stack align="center" gap="xs" ta="center">
        <Title order={4}>{title}</Title>
        <Text c="dimmed" size="sm" maw={480}>
          {children}
        </Text>
        {action}
      </Stack>
    </Card>
  );
}
