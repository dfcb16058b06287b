import { SimpleGrid, Stack, Text } from "@mantine/core";
import type { ReactNode } from "react";

/** Label and value pairs, two columns wide. */
export function PropertyList({ items }: { items: Array<[string, ReactNode]> }) {
  return (
    <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm" verticalSpacing="sm">
      {items.map(([label, value]) => (
        <Stack key={label} gap={0}>
          <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
            {label}
          </Text>
          <Text size="sm" component="div">
            {value ?? "—"}
          </Text>
        </Stack>
      ))}
    </SimpleGrid>
  );
}
