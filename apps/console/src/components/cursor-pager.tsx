import { Button, Group, Text } from "@mantine/core";
import { useState } from "react";

/** Key-based paging: the cursors of the pages behind, so Previous goes back exactly. */
export function useCursorPages(resetKey: string) {
  const [state, setState] = useState<{ key: string; cursors: Array<string | undefined> }>({
    key: resetKey,
    cursors: [undefined],
  });
  const cursors = state.key === resetKey ? state.cursors : [undefined];
  return {
    cursor: cursors[cursors.length - 1],
    page: cursors.length,
    next: (cursor: string) => setState({ key: resetKey, cursors: [...cursors, cursor] }),
    previous: () => setState({ key: resetKey, cursors: cursors.slice(0, -1) }),
  };
}

export function CursorPager({
  pages,
  nextCursor,
  shown,
}: {
  pages: ReturnType<typeof useCursorPages>;
  nextCursor: string | undefined;
  shown: number;
}) {
  if (pages.page === 1 && !nextCursor) return null;
  return (
    <Group justify="space-between" mt="sm">
      <Text size="sm" c="dimmed">
        Page {pages.page} · {shown} shown
      </Text>
      <Group gap="xs">
        <Button size="xs" variant="default" disabled={pages.page === 1} onClick={pages.previous}>
          Previous
        </Button>
        <Button
          size="xs"
          variant="default"
          disabled={!nextCursor}
          onClick={() => nextCursor && pages.next(nextCursor)}
        >
          Next
        </Button>
      </Group>
    </Group>
  );
}
