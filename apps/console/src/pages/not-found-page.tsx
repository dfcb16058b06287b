import { Button, Card, Stack, Text, Title } from "@mantine/core";
import { Link } from "react-router";

export function NotFoundPage() {
  return (
    <Card withBorder padding="xl" maw={560} mx="auto" mt="xl">
      <Stack gap="sm">
        <Title order={2}>No such page</Title>
        <Text>The address may be mistyped, or what it pointed to was deleted.</Text>
        <Button component={Link} to="/dashboard" variant="light" w="fit-content">
          Go to the dashboard
        </Button>
      </Stack>
    </Card>
  );
}
