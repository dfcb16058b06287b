import { Button, Card, Code, Stack, Text, Title } from "@mantine/core";
import { Link } from "react-router";
import { PERMISSION_LABELS } from "./permission-labels";

/** What an administrator sees on a page their role does not allow. */
export function ForbiddenPage({ permission }: { permission?: string | undefined }) {
  return (
    <Card withBorder padding="xl" maw={640} mx="auto" mt="xl" data-testid="forbidden">
      <Stack gap="sm">
        <Title order={2}>You do not have access to this page</Title>
        <Text>
          Your role does not allow it
          {permission ? (
            <>
              : it needs the <Code>{permission}</Code> permission
              {PERMISSION_LABELS[permission] ? ` (${PERMISSION_LABELS[permission].toLowerCase()})` : ""}.
            </>
          ) : (
            "."
          )}
        </Text>
        <Text c="dimmed" size="sm">
          Ask a Security Administrator to give you a role that includes it, or go back to a page you can use.
        </Text>
        <Button component={Link} to="/dashboard" variant="light" w="fit-content">
          Go to the dashboard
        </Button>
      </Stack>
    </Card>
  );
}
